# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmEventFollowup(models.TransientModel):
    """Follow-up of a done or not-held event: a copy at a new date, time and name."""

    _name = "crm.event.followup"
    _description = "Event Follow-up"

    event_id = fields.Many2one("calendar.event", required=True)
    name = fields.Char(string="Follow-up subject", required=True)
    start = fields.Datetime(string="New date and time", required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        event = self.env["calendar.event"].browse(values.get("event_id"))
        if event:
            values.setdefault("name", event.name)
            if event.start:
                values.setdefault("start", event.start)
        return values

    def action_create_followup(self):
        self.ensure_one()
        event = self.event_id
        if event.crm_state == "planned":
            raise UserError(
                self.env._(
                    "Mark the event as done or cancelled before following it up."
                )
            )
        duration = (event.stop - event.start) if event.start and event.stop else None
        values = {
            "name": self.name,
            "start": self.start,
            "recurrency": False,
            "crm_state": "planned",
        }
        if duration is not None:
            values["stop"] = self.start + duration
        followup = event.with_context(crm_events_no_default_reminder=True).copy(values)
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": followup.id,
            "views": [(False, "form")],
            "target": "current",
        }
