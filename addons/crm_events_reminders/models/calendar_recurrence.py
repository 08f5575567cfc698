# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import format_date

WEEKDAY_FIELDS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class CalendarRecurrence(models.Model):
    _inherit = "calendar.recurrence"

    crm_summary = fields.Char(
        string="Recurrence summary", compute="_compute_crm_summary"
    )

    @api.depends(
        "rrule_type",
        "interval",
        "end_type",
        "count",
        "until",
        "month_by",
        "day",
        "weekday",
        "byday",
        *WEEKDAY_FIELDS,
    )
    def _compute_crm_summary(self):
        for recurrence in self:
            recurrence.crm_summary = self._crm_summary(recurrence)

    @api.model
    def _crm_weekday_names(self):
        return {
            "mon": self.env._("Monday"),
            "tue": self.env._("Tuesday"),
            "wed": self.env._("Wednesday"),
            "thu": self.env._("Thursday"),
            "fri": self.env._("Friday"),
            "sat": self.env._("Saturday"),
            "sun": self.env._("Sunday"),
        }

    @api.model
    def _crm_frequency_phrase(self, rrule_type, interval):
        if interval == 1:
            return {
                "daily": self.env._("Every day"),
                "weekly": self.env._("Every week"),
                "monthly": self.env._("Every month"),
                "yearly": self.env._("Every year"),
            }.get(rrule_type, "")
        return {
            "daily": self.env._("Every %(count)s days", count=interval),
            "weekly": self.env._("Every %(count)s weeks", count=interval),
            "monthly": self.env._("Every %(count)s months", count=interval),
            "yearly": self.env._("Every %(count)s years", count=interval),
        }.get(rrule_type, "")

    @api.model
    def _crm_summary(self, values):
        """A readable sentence for recurrence values (a record, a wizard or a dict).

        Built in the language of the environment, e.g. "Every week on Monday,
        5 times" or "Chaque semaine le lundi, 5 fois".
        """

        def get(name):
            return values.get(name) if isinstance(values, dict) else values[name]

        rrule_type = get("rrule_type")
        interval = get("interval") or 0
        if not rrule_type or interval <= 0:
            return ""
        parts = [self._crm_frequency_phrase(rrule_type, interval)]
        names = self._crm_weekday_names()
        if rrule_type == "weekly":
            days = [names[day] for day in WEEKDAY_FIELDS if get(day)]
            if days:
                parts.append(self.env._(" on %(days)s", days=", ".join(days)))
        elif rrule_type == "monthly":
            if get("month_by") == "day" and get("byday") and get("weekday"):
                positions = {
                    "1": self.env._("first"),
                    "2": self.env._("second"),
                    "3": self.env._("third"),
                    "4": self.env._("fourth"),
                    "-1": self.env._("last"),
                }
                parts.append(
                    self.env._(
                        " on the %(position)s %(weekday)s",
                        position=positions.get(get("byday"), ""),
                        weekday=names[get("weekday").lower()],
                    )
                )
            elif get("day"):
                parts.append(self.env._(" on day %(day)s", day=get("day")))
        end_type = get("end_type")
        if end_type == "count" and get("count"):
            count = get("count")
            parts.append(
                self.env._(", once")
                if count == 1
                else self.env._(", %(count)s times", count=count)
            )
        elif end_type == "end_date" and get("until"):
            parts.append(
                self.env._(", until %(date)s", date=format_date(self.env, get("until")))
            )
        return "".join(parts)
