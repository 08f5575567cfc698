# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM VoIP (Twilio)",
    "summary": "Twilio calls: numbers, operators, softphone and call log",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm", "phone_validation", "bus"],
    "data": [
        "security/crm_voip_security.xml",
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_voip/static/tests/tours/**/*"],
    },
    "installable": True,
}
