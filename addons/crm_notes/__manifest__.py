# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Notes",
    "summary": "Follow-up notes on customers, with bulk reassignment",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm"],
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_notes/static/tests/tours/**/*"],
    },
    "installable": True,
}
