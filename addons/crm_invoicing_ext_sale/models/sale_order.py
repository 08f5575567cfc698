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

    def _create_invoices(self, grouped=False, final=False, date=None):
        moves = super()._create_invoices(grouped=grouped, final=final, date=date)
        # Odoo merges the orders of one customer into one invoice and keeps the
        # first order's values: the invoice is the opportunity's only when every
        # order in it has that opportunity.
        mixed = moves.filtered(
            lambda move: move.opportunity_id
            and any(
                order.opportunity_id != move.opportunity_id
                for order in move.line_ids.sale_line_ids.order_id
            )
        )
        if mixed:
            mixed.opportunity_id = False
        return moves
