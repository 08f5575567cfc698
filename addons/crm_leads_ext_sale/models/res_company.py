# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_opportunity_proposal_on_quotation = fields.Boolean(
        string="Quotation moves the opportunity to Proposal",
        default=True,
    )
    crm_opportunity_won_on_order = fields.Boolean(
        string="Close the opportunity when a linked order is confirmed",
    )
