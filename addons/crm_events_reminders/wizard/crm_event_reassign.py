# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmEventReassign(models.TransientModel):
    """Vacation: the planned events of a user in a period go to another user."""

    _name = "crm.event.reassign"
    _description = "Reassign Events (Vacation)"

    from_user_id = fields.Many2one("res.users", string="Absent user", required=True)
    to_user_id = fields.Many2one("res.users", string="Replacement", required=True)
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    tasks_only = fields.Boolean(string="Tasks only")
    notify = fields.Boolean(string="Notify the replacement", default=True)
    event_count = fields.Integer(string="Events found", compute="_compute_event_ids")
    event_ids = fields.Many2many(
        "calendar.event", string="Events to reassign", compute="_compute_event_ids"
    )

    def _domain(self):
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        stop = fields.Datetime.to_datetime(self.date_to).replace(
            hour=23, minute=59, second=59
        )
        domain = [
            ("user_id", "=", self.from_user_id.id),
            ("crm_state", "=", "planned"),
            ("start", ">=", start),
            ("start", "<=", stop),
        ]
        if self.tasks_only:
            domain.append(("crm_event_kind", "=", "task"))
        return domain

    @api.depends("from_user_id", "date_from", "date_to", "tasks_only")
    def _compute_event_ids(self):
        for wizard in self:
            if wizard.from_user_id and wizard.date_from and wizard.date_to:
                wizard.event_ids = self.env["calendar.event"].search(wizard._domain())
            else:
                wizard.event_ids = False
            wizard.event_count = len(wizard.event_ids)

    def action_reassign(self):
        self.ensure_one()
        if self.date_to < self.date_from:
            raise UserError(self.env._("The end of the period is before its start."))
        if self.from_user_id == self.to_user_id:
            raise UserError(self.env._("Choose another user as replacement."))
        events = self.env["calendar.event"].search(self._domain())
        if not events:
            raise UserError(self.env._("No planned event in this period."))
        # One write for all: the new assignee is also invited.
        events.write(
            {
                "user_id": self.to_user_id.id,
                "partner_ids": [fields.Command.link(self.to_user_id.partner_id.id)],
            }
        )
        if self.notify:
            self._notify(events)
        return {"type": "ir.actions.act_window_close"}

    def _notify(self, events):
        """One digest email to the replacement, in their language."""
        partner = self.to_user_id.partner_id
        lang_self = self.with_context(lang=partner.lang or self.env.lang)
        lines = Markup("").join(
            Markup("<li>%s</li>") % f"{event.display_time} - {event.name}"
            for event in events.with_context(lang=partner.lang)
        )
        body = Markup("<p>%s</p><ul>%s</ul>") % (
            lang_self.env._(
                "%(user)s is away: these events are now assigned to you.",
                user=self.from_user_id.name,
            ),
            lines,
        )
        self.env["mail.mail"].sudo().create(
            {
                "subject": lang_self.env._(
                    "%(count)s events assigned to you", count=len(events)
                ),
                "body_html": body,
                "recipient_ids": [fields.Command.link(partner.id)],
                "email_from": self.env.user.email_formatted
                or self.env.company.email_formatted,
                "auto_delete": True,
            }
        )
