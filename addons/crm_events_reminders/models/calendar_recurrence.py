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
        _ = self.env._
        return {
            "mon": _("Monday"),
            "tue": _("Tuesday"),
            "wed": _("Wednesday"),
            "thu": _("Thursday"),
            "fri": _("Friday"),
            "sat": _("Saturday"),
            "sun": _("Sunday"),
        }

    @api.model
    def _crm_frequency_phrase(self, rrule_type, interval):
        _ = self.env._
        if interval == 1:
            return {
                "daily": _("Every day"),
                "weekly": _("Every week"),
                "monthly": _("Every month"),
                "yearly": _("Every year"),
            }.get(rrule_type, "")
        return {
            "daily": _("Every %(count)s days", count=interval),
            "weekly": _("Every %(count)s weeks", count=interval),
            "monthly": _("Every %(count)s months", count=interval),
            "yearly": _("Every %(count)s years", count=interval),
        }.get(rrule_type, "")

    @api.model
    def _crm_summary(self, values):
        """A readable sentence for recurrence values (a record, a wizard or a dict).

        Built in the language of the environment, e.g. "Every week on Monday,
        5 times" or "Chaque semaine le lundi, 5 fois".
        """
        _ = self.env._

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
                parts.append(_(" on %(days)s", days=", ".join(days)))
        elif rrule_type == "monthly":
            if get("month_by") == "day" and get("byday") and get("weekday"):
                positions = {
                    "1": _("first"),
                    "2": _("second"),
                    "3": _("third"),
                    "4": _("fourth"),
                    "-1": _("last"),
                }
                parts.append(
                    _(
                        " on the %(position)s %(weekday)s",
                        position=positions.get(get("byday"), ""),
                        weekday=names[get("weekday").lower()],
                    )
                )
            elif get("day"):
                parts.append(_(" on day %(day)s", day=get("day")))
        end_type = get("end_type")
        if end_type == "count" and get("count"):
            count = get("count")
            parts.append(
                _(", once") if count == 1 else _(", %(count)s times", count=count)
            )
        elif end_type == "end_date" and get("until"):
            parts.append(
                _(", until %(date)s", date=format_date(self.env, get("until")))
            )
        return "".join(parts)
