# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Notes",
    "summary": "Follow-up notes on customers, with bulk reassignment",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "website": "https://github.com/crm-practices/odoo-crm-practices",
    "maintainers": ["crm-practices"],
    "development_status": "Beta",
    "depends": ["crm"],
    "data": [
        "security/crm_notes_security.xml",
        "security/ir.model.access.csv",
        "data/crm_note_data.xml",
        "wizard/crm_note_close_views.xml",
        "wizard/crm_note_reassign_views.xml",
        "views/crm_note_views.xml",
        "views/crm_note_config_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_notes_menus.xml",
    ],
    "demo": ["demo/crm_note_demo.xml"],
    "assets": {
        "web.assets_backend": ["crm_notes/static/src/**/*"],
        "web.assets_tests": ["crm_notes/static/tests/tours/**/*"],
    },
}
