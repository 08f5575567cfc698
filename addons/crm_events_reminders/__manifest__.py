# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Events and Reminders",
    "summary": "Typed CRM events, follow-ups, recurrences, reminders and notifications",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm", "calendar"],
    "data": [
        "views/res_config_settings_views.xml",
    ],
    "assets": {
        "web.assets_tests": ["crm_events_reminders/static/tests/tours/**/*"],
    },
    "installable": True,
}
