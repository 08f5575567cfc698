# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

# Odoo's invitation templates that tell an optional attendee so (appended at
# render time: the templates themselves stay the administrator's).
OPTIONAL_NOTE_TEMPLATES = (
    "calendar.calendar_template_meeting_invitation",
    "calendar.calendar_template_meeting_changedate",
)


class CalendarAttendee(models.Model):
    _inherit = "calendar.attendee"

    crm_optional = fields.Boolean(
        string="Optional attendee",
        compute="_compute_crm_optional",
        store=True,
        help="Invited, but need not attend (Dynamics' optional attendees). "
        "The other attendees are required.",
    )

    @api.depends("partner_id", "event_id.crm_optional_partner_ids")
    def _compute_crm_optional(self):
        for attendee in self:
            attendee.crm_optional = (
                attendee.partner_id in attendee.event_id.crm_optional_partner_ids
            )

    def _crm_internal(self):
        """The attendees who are the company's own users (not customers, portal)."""
        # sudo: only whether each partner has an internal user is read.
        return self.filtered(
            lambda a: any(not user.share for user in a.partner_id.sudo().user_ids)
        )

    def _should_notify_attendee(self):
        """Odoo mails attendees on invitation, date change, its email alarms and
        the Email button: tasks, calls and notes never reach the outside."""
        # sudo: the kind of a private event reads as empty for non-attendees.
        return super()._should_notify_attendee() and (
            self.event_id.sudo()._crm_is_customer_facing() or bool(self._crm_internal())
        )
