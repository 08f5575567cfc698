# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM VoIP - Events",
    "summary": "Calls logged by CRM VoIP appear as call events of the customer",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "CRM Practices contributors",
    "license": "LGPL-3",
    "website": "https://github.com/crm-practices/odoo-crm-practices",
    "maintainers": ["crm-practices"],
    "development_status": "Beta",
    "depends": ["crm_voip", "crm_events_reminders"],
    "data": [],
    "auto_install": True,
}
