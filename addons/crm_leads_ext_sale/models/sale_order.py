# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders._crm_opportunity_to_proposal()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if vals.get("opportunity_id"):
            self._crm_opportunity_to_proposal()
        return res

    def _crm_opportunity_to_proposal(self):
        """Axelor: creating a quotation from an opportunity puts the opportunity in
        the Proposal status, when it is still in an open status before it. One write
        per Proposal status (one per company), however many orders."""
        opportunities = self.filtered(
            lambda o: o.company_id.crm_opportunity_proposal_on_quotation
        ).opportunity_id
        proposals = opportunities.grouped(
            lambda o: o._crm_company()._crm_status("opportunity", "proposal")
        )
        for proposal, candidates in proposals.items():
            if not proposal:
                continue
            moved = candidates.filtered(
                lambda o, p=proposal: o.active
                and o.opportunity_status_id != p
                and not o.opportunity_status_id.is_closed
                and (
                    not o.opportunity_status_id
                    or o.opportunity_status_id.sequence <= p.sequence
                )
            )
            if moved:
                moved.opportunity_status_id = proposal

    def action_confirm(self):
        """Axelor: confirming an order linked to an opportunity wins it (Odoo's
        won: won stage, probability 100), when the company asks for it. Nobody
        sees the opportunity won, so the offer to close the prospect's other
        opportunities is left as a to-do on it (A33)."""
        res = super().action_confirm()
        opportunities = self.filtered(
            lambda o: o.company_id.crm_opportunity_won_on_order
        ).opportunity_id.filtered(lambda lead: lead.active and not lead.stage_id.is_won)
        if opportunities:
            opportunities.action_set_won()
            opportunities._crm_offer_close_siblings_later()
        return res
