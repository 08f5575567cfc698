# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the cross-module tests share: the repository layout and the five modules."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ROOT / "addons"
MODULES = [
    "crm_leads_ext",
    "crm_events_reminders",
    "crm_notes",
    "crm_invoicing_ext",
    "crm_voip",
    "crm_reports_ext",
]
# auto-installed glue between a module and another Odoo app (installed with the tests)
BRIDGES = [
    "crm_invoicing_ext_sale",
    "crm_leads_ext_sale",
    "crm_voip_events",
    "crm_leads_ext_mass_mailing",
    "crm_leads_ext_project",
]
