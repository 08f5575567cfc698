# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


def with_active_events(wizard, defaults, fields_list):
    """The events selected in the list (Action menu) fill ``event_ids``."""
    context = wizard.env.context
    if (
        "event_ids" in fields_list
        and not defaults.get("event_ids")
        and context.get("active_model") == "calendar.event"
        and context.get("active_ids")
    ):
        defaults["event_ids"] = [fields.Command.set(context["active_ids"])]
    return defaults


class CrmEventCancel(models.TransientModel):
    """Close events that will not take place, or did not: the outcome and why."""

    _name = "crm.event.cancel"
    _description = "Cancel Events"

    event_ids = fields.Many2many("calendar.event", string="Events", required=True)
    outcome = fields.Selection(
        [("cancelled", "Cancelled"), ("not_held", "Not held")],
        required=True,
        default="cancelled",
        help="Cancelled: the event will not take place. Not held: it was due and "
        "did not take place (no-show); a follow-up can reschedule it.",
    )
    reason = fields.Char(required=True)

    @api.model
    def default_get(self, fields_list):
        return with_active_events(self, super().default_get(fields_list), fields_list)

    def action_confirm(self):
        self.ensure_one()
        reason = (self.reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for closing the events."))
        events = self.event_ids.filtered(lambda e: e.crm_state == "planned")
        if not events:
            raise UserError(
                self.env._("These events are already closed: nothing to cancel.")
            )
        events._crm_close(self.outcome, reason=reason)
        return {"type": "ir.actions.act_window_close"}
