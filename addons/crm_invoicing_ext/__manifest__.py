# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Invoicing Extended",
    "summary": "Human invoice numbering, opportunity link and CRM invoice conveniences",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm", "account"],
    "data": [
        "security/crm_invoicing_ext_security.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_invoicing_ext/static/tests/tours/**/*"],
    },
    "installable": True,
}
