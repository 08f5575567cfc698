# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    group_crm_catalogue = fields.Boolean(
        string="Manage catalogues",
        implied_group="crm_leads_ext.group_crm_catalogue",
    )
    group_crm_prospect_status = fields.Boolean(
        string="Manage prospect statuses",
        implied_group="crm_leads_ext.group_crm_prospect_status",
    )
    crm_lead_status_new_id = fields.Many2one(
        related="company_id.crm_lead_status_new_id", readonly=False
    )
    crm_lead_status_converted_id = fields.Many2one(
        related="company_id.crm_lead_status_converted_id", readonly=False
    )
    crm_lead_status_lost_id = fields.Many2one(
        related="company_id.crm_lead_status_lost_id", readonly=False
    )
