# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from dateutil import rrule

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.calendar_recurrence import WEEKDAY_FIELDS

MAX_OCCURRENCES = 720  # Odoo's own cap for endless recurrences
FREQUENCIES = {
    "daily": rrule.DAILY,
    "weekly": rrule.WEEKLY,
    "monthly": rrule.MONTHLY,
    "yearly": rrule.YEARLY,
}
RRULE_DAYS = dict(
    zip(
        WEEKDAY_FIELDS,
        (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU),
        strict=True,
    )
)


class CrmEventRecurrenceWizard(models.TransientModel):
    """Recurrence assistant: writes Odoo's own recurrence fields on the event."""

    _name = "crm.event.recurrence.wizard"
    _description = "Recurrence Assistant"

    event_id = fields.Many2one("calendar.event", required=True)
    rrule_type = fields.Selection(
        [
            ("daily", "Daily"),
            ("weekly", "Weekly"),
            ("monthly", "Monthly"),
            ("yearly", "Yearly"),
        ],
        string="Frequency",
        required=True,
        default="weekly",
    )
    interval = fields.Integer(string="Repeat every", default=1)
    mon = fields.Boolean(string="Monday")
    tue = fields.Boolean(string="Tuesday")
    wed = fields.Boolean(string="Wednesday")
    thu = fields.Boolean(string="Thursday")
    fri = fields.Boolean(string="Friday")
    sat = fields.Boolean(string="Saturday")
    sun = fields.Boolean(string="Sunday")
    end_type = fields.Selection(
        [("count", "After a number of occurrences"), ("end_date", "At a date")],
        string="End",
        required=True,
        default="count",
    )
    count = fields.Integer(string="Number of occurrences", default=5)
    until = fields.Date(string="End date")
    summary = fields.Char(string="Recurrence summary", compute="_compute_summary")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        event = self.env["calendar.event"].browse(values.get("event_id"))
        if event and event.start and not any(values.get(d) for d in WEEKDAY_FIELDS):
            values[WEEKDAY_FIELDS[event.start.weekday()]] = True
        return values

    @api.depends(
        "rrule_type", "interval", "end_type", "count", "until", *WEEKDAY_FIELDS
    )
    def _compute_summary(self):
        recurrence = self.env["calendar.recurrence"]
        for wizard in self:
            wizard.summary = recurrence._crm_summary(wizard._recurrence_values())

    def _recurrence_values(self):
        self.ensure_one()
        values = {
            "rrule_type": self.rrule_type,
            "interval": self.interval,
            "end_type": self.end_type,
            "count": self.count if self.end_type == "count" else 0,
            "until": self.until if self.end_type == "end_date" else False,
        }
        for day in WEEKDAY_FIELDS:
            values[day] = self.rrule_type == "weekly" and self[day]
        if self.rrule_type == "monthly" and self.event_id.start:
            values.update(month_by="date", day=self.event_id.start.day)
        return values

    def _check_values(self):
        """Refuse bad input before anything is created."""
        self.ensure_one()
        if self.interval <= 0:
            raise UserError(self.env._("The interval must be at least 1."))
        if self.rrule_type == "weekly" and not any(self[d] for d in WEEKDAY_FIELDS):
            raise UserError(
                self.env._("Choose at least one weekday for a weekly recurrence.")
            )
        if self.end_type == "count":
            if self.count <= 0:
                raise UserError(
                    self.env._("The number of occurrences must be at least 1.")
                )
            if self.count > MAX_OCCURRENCES:
                raise UserError(
                    self.env._(
                        "A recurrence has at most %(max)s occurrences.",
                        max=MAX_OCCURRENCES,
                    )
                )
            return
        start = self.event_id.start
        if not self.until:
            raise UserError(self.env._("Set the end date of the recurrence."))
        if start and self.until < start.date():
            raise UserError(
                self.env._("The end date is before the start of the event.")
            )
        if start and self._count_until() > MAX_OCCURRENCES:
            raise UserError(
                self.env._(
                    "This recurrence would have more than %(max)s occurrences: "
                    "choose a closer end date or a number of occurrences.",
                    max=MAX_OCCURRENCES,
                )
            )

    def _count_until(self):
        start = self.event_id.start
        byweekday = None
        if self.rrule_type == "weekly":
            byweekday = [RRULE_DAYS[d] for d in WEEKDAY_FIELDS if self[d]]
        rule = rrule.rrule(
            FREQUENCIES[self.rrule_type],
            dtstart=start,
            interval=self.interval,
            byweekday=byweekday,
            until=fields.Datetime.to_datetime(self.until).replace(
                hour=23, minute=59, second=59
            ),
        )
        count = 0
        for _occurrence in rule:
            count += 1
            if count > MAX_OCCURRENCES:
                break
        return count

    def action_apply(self):
        self.ensure_one()
        self._check_values()
        values = dict(self._recurrence_values(), recurrency=True)
        values["event_tz"] = self.event_id.event_tz or self.env.user.tz or "UTC"
        if self.end_type != "count":
            values.pop("count")
        self.event_id.write(values)
        # Back to the event's form, which reloads: opening it again would stack
        # a second breadcrumb of the same event.
        return {"type": "ir.actions.act_window_close"}
