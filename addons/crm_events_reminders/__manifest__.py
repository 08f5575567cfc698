# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Events and Reminders",
    "summary": "Typed CRM events, follow-ups, recurrences, reminders and notifications",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "depends": ["crm", "calendar", "mail"],
    "data": [
        "security/crm_events_reminders_security.xml",
        "security/ir.model.access.csv",
        "data/crm_event_category_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "wizard/crm_event_followup_views.xml",
        "wizard/crm_event_recurrence_wizard_views.xml",
        "wizard/crm_event_reassign_views.xml",
        "views/calendar_event_views.xml",
        "views/crm_event_category_views.xml",
        "views/crm_event_reminder_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_events_reminders_menus.xml",
    ],
    "demo": ["demo/crm_event_demo.xml"],
    "assets": {
        "web.assets_tests": ["crm_events_reminders/static/tests/tours/**/*"],
    },
    "installable": True,
}
