# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Invoicing Extended",
    "summary": "Human invoice numbering, opportunity link and CRM invoice conveniences",
    "version": "18.0.1.0.1",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "website": "https://github.com/crm-practices/odoo-crm-practices",
    "maintainers": ["crm-practices"],
    "development_status": "Beta",
    "depends": ["crm", "account"],
    "data": [
        "security/crm_invoicing_ext_security.xml",
        "security/ir.model.access.csv",
        "wizard/account_move_crm_state_views.xml",
        "views/account_journal_views.xml",
        "views/account_move_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_invoicing_ext/static/tests/tours/**/*"],
    },
}
