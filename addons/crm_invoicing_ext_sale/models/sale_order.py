# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _prepare_invoice(self):
        values = super()._prepare_invoice()
        lead = self.opportunity_id
        # only an opportunity of the invoiced customer (crm_invoicing_ext's rule)
        if lead and (
            not lead.partner_id
            or lead.partner_id.commercial_partner_id
            == self.partner_invoice_id.commercial_partner_id
        ):
            values["opportunity_id"] = lead.id
        return values
