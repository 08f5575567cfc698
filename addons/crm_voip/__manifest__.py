# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM VoIP (Twilio)",
    "summary": "Twilio calls: numbers, operators, signed webhooks and call log",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm", "phone_validation", "bus"],
    "external_dependencies": {"python": ["twilio", "phonenumbers"]},
    "data": [
        "security/crm_voip_security.xml",
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "wizard/crm_voip_number_search_views.xml",
        "wizard/crm_voip_number_link_views.xml",
        "views/crm_voip_account_views.xml",
        "views/crm_voip_number_views.xml",
        "views/crm_voip_call_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_voip_menus.xml",
        "views/res_partner_softphone_actions.xml",
    ],
    "demo": ["demo/crm_voip_demo.xml"],
    "assets": {
        "web.assets_backend": ["crm_voip/static/src/**/*"],
        "web.assets_tests": ["crm_voip/static/tests/tours/**/*"],
        "web.assets_unit_tests": ["crm_voip/static/tests/**/*.test.js"],
    },
    "installable": True,
}
