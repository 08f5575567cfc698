# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class CrmLeadCloseSiblings(models.TransientModel):
    """Axelor: when one opportunity of a prospect is won, the prospect's other open
    opportunities are offered for closing (as lost, with a reason)."""

    _name = "crm.lead.close.siblings"
    _description = "Close the other opportunities of a prospect"

    lead_id = fields.Many2one(comodel_name="crm.lead", string="Won opportunity")
    partner_id = fields.Many2one(related="lead_id.partner_id.commercial_partner_id")
    sibling_ids = fields.Many2many(
        comodel_name="crm.lead", string="Opportunities to close"
    )
    lost_reason_id = fields.Many2one(comodel_name="crm.lost.reason")

    def action_close(self):
        self.ensure_one()
        if not self.sibling_ids:
            raise UserError(
                self.env._(
                    "Select the opportunities to close, or choose “Keep them open”."
                )
            )
        values = (
            {"lost_reason_id": self.lost_reason_id.id} if self.lost_reason_id else {}
        )
        self.sibling_ids.action_set_lost(**values)
        return {"type": "ir.actions.act_window_close"}
