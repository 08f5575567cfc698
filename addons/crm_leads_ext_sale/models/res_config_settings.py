# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_opportunity_proposal_on_quotation = fields.Boolean(
        related="company_id.crm_opportunity_proposal_on_quotation", readonly=False
    )
    crm_opportunity_won_on_order = fields.Boolean(
        related="company_id.crm_opportunity_won_on_order", readonly=False
    )
