# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def post_init_hook(env):
    """Map the default lead statuses in every existing company, and give the leads
    already there the status that says what they are (set-based)."""
    env["res.company"].search([])._crm_lead_status_set_defaults()
    env["crm.lead"]._crm_lead_status_init()
