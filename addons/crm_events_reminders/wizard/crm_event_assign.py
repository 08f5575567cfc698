# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .crm_event_cancel import with_active_events


class CrmEventAssign(models.TransientModel):
    """Dynamics' 'Attribuer': events of the list to a user or a team, notified."""

    _name = "crm.event.assign"
    _description = "Assign Events"

    event_ids = fields.Many2many("calendar.event", string="Events", required=True)
    user_id = fields.Many2one(
        "res.users", string="Assign to user", domain="[('share', '=', False)]"
    )
    team_id = fields.Many2one("crm.team", string="Assign to team")
    notify = fields.Boolean(
        default=True,
        help="Email the user, or the team's members and leader, the list of "
        "the events now assigned to them.",
    )

    @api.model
    def default_get(self, fields_list):
        return with_active_events(self, super().default_get(fields_list), fields_list)

    def action_assign(self):
        self.ensure_one()
        if not (self.user_id or self.team_id):
            raise UserError(self.env._("Choose a user or a team to assign to."))
        if not self.event_ids:
            raise UserError(self.env._("Select the events to assign."))
        values = {}
        if self.user_id:
            # The new assignee is invited too, as the vacation reassignment does.
            values["user_id"] = self.user_id.id
            values["partner_ids"] = [fields.Command.link(self.user_id.partner_id.id)]
        if self.team_id:
            values["crm_team_id"] = self.team_id.id
        self.event_ids.write(values)  # one write for the whole selection
        if self.notify:
            self._notify()
        return {"type": "ir.actions.act_window_close"}

    def _recipients(self):
        users = self.user_id | self.team_id.member_ids | self.team_id.user_id
        return (users - self.env.user).partner_id.filtered("email")

    def _notify(self):
        """One email per language to the user and the team, listing the events."""
        by_lang = defaultdict(lambda: self.env["res.partner"])
        for partner in self._recipients():
            by_lang[partner.lang or self.env.lang] |= partner
        assignee = " / ".join(
            name for name in (self.user_id.name, self.team_id.name) if name
        )
        for lang, partners in by_lang.items():
            lang_self = self.with_context(lang=lang)
            lines = Markup("").join(
                Markup("<li>%s</li>") % f"{event.display_time} - {event.name}"
                for event in self.event_ids.with_context(lang=lang)
            )
            body = Markup("<p>%s</p><ul>%s</ul>") % (
                lang_self.env._(
                    "%(user)s assigned these events to %(assignee)s.",
                    user=self.env.user.name,
                    assignee=assignee,
                ),
                lines,
            )
            self.env["mail.mail"].sudo().create(
                {
                    "subject": lang_self.env._(
                        "%(count)s events assigned to %(assignee)s",
                        count=len(self.event_ids),
                        assignee=assignee,
                    ),
                    "body_html": body,
                    "recipient_ids": [fields.Command.set(partners.ids)],
                    "email_from": self.env.user.email_formatted
                    or self.env.company.email_formatted,
                    "auto_delete": True,
                }
            )
