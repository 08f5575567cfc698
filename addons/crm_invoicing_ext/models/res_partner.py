# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_invoice_currency_id = fields.Many2one(
        comodel_name="res.currency",
        string="Invoicing currency",
        domain="[('active', '=', True)]",
        help="Currency of this customer's new invoices; Odoo's rates convert amounts.",
    )
