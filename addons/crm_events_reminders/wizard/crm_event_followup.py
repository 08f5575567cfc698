# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

import pytz

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
                values.setdefault("start", self._default_followup_start(event))
        return values

    @api.model
    def _default_followup_start(self, event):
        """The event's follow-up due date if it is later than the event, else
        the next working day (Monday to Friday) after the event, or after today
        for an older event; at the event's hour, in its time zone."""
        tz = pytz.timezone(event.event_tz or self.env.user.tz or "UTC")
        local = pytz.utc.localize(event.start).astimezone(tz)
        today = fields.Date.context_today(self)
        day = event.crm_followup_date
        if not day or day <= local.date() or day < today:
            day = max(local.date(), today) + timedelta(days=1)
            while day.weekday() >= 5:
                day += timedelta(days=1)
        start = tz.localize(datetime.combine(day, local.time().replace(tzinfo=None)))
        return start.astimezone(pytz.utc).replace(tzinfo=None)

    def action_create_followup(self):
        self.ensure_one()
        event = self.event_id
        if event.crm_state == "planned":
            raise UserError(
                self.env._(
                    "Mark the event as done or cancelled before following it up."
                )
            )
        if event.start and self.start < event.start:
            raise UserError(
                self.env._(
                    "The follow-up starts before the event it follows: choose a "
                    "later date."
                )
            )
        duration = (event.stop - event.start) if event.start and event.stop else None
        values = {
            "name": self.name,
            "start": self.start,
            "recurrency": False,
            "crm_state": "planned",
            # This is the follow-up: it does not remind of itself.
            "crm_followup_date": False,
        }
        if duration is not None:
            values["stop"] = self.start + duration
        followup = event.with_context(crm_events_no_default_reminder=True).copy(values)
        event.crm_reminder_ids.filtered("is_followup_alert")._crm_skip_pending()
        return {
            "type": "ir.actions.act_window",
            "res_model": "calendar.event",
            "res_id": followup.id,
            "views": [(False, "form")],
            "target": "current",
        }
