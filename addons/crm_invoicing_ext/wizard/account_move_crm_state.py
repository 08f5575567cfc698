# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

TARGETS = [
    ("billed", "Billed (confirm)"),
    ("rejected", "Rejected (cancel)"),
    ("draft", "Draft (back from rejected)"),
]


class AccountMoveCrmState(models.TransientModel):
    """Change the CRM status of many invoices, only where Odoo allows it: a
    confirmed invoice is never edited, only drafts are confirmed or rejected."""

    _name = "account.move.crm.state"
    _description = "Change Invoice Status"

    move_ids = fields.Many2many(comodel_name="account.move", string="Invoices")
    target = fields.Selection(selection=TARGETS, string="New status", required=True)
    reason = fields.Text(string="Rejection reason")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "account.move":
            values["move_ids"] = [
                fields.Command.set(self.env.context.get("active_ids") or [])
            ]
        return values

    def _eligible(self):
        """The invoices whose status may become the target; the others stay."""
        moves = self.move_ids
        if self.target in ("billed", "rejected"):
            return moves.filtered(lambda m: m.state == "draft")
        return moves.filtered(lambda m: m.state == "cancel")

    def action_apply(self):
        self.ensure_one()
        if not self.move_ids:
            raise UserError(self.env._("No invoice to change: select invoices first."))
        if self.target == "rejected" and not (self.reason or "").strip():
            raise UserError(self.env._("Give the reason of the rejection."))
        eligible = self._eligible()
        if eligible:
            if self.target == "billed":
                eligible.action_post()
            elif self.target == "rejected":
                eligible.write({"crm_reject_reason": self.reason})
                eligible.button_cancel()
            else:
                eligible.button_draft()
        skipped = len(self.move_ids) - len(eligible)
        message = self.env._(
            "%(done)s invoice(s) changed to %(status)s.",
            done=len(eligible),
            status=dict(self._fields["target"]._description_selection(self.env))[
                self.target
            ],
        )
        if skipped:
            message += " " + self.env._(
                "%(skipped)s left as they were: Odoo does not allow this change "
                "from their status.",
                skipped=skipped,
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Invoice status"),
                "message": message,
                "type": "warning" if skipped else "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
