# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    group_crm_invoice_opportunity = fields.Boolean(
        string="Invoice from opportunities",
        implied_group="crm_invoicing_ext.group_crm_invoice_opportunity",
    )
