# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import models

from .calendar_attendee import OPTIONAL_NOTE_TEMPLATES


class MailTemplate(models.Model):
    _inherit = "mail.template"

    def _render_field(self, field, res_ids, *args, **kwargs):
        """Odoo's invitation (and date change) to an optional attendee says the
        attendance is optional. Other templates, fields and attendees render
        as before; the template records are not changed."""
        result = super()._render_field(field, res_ids, *args, **kwargs)
        if (
            field != "body_html"
            or len(self) != 1
            or self.model != "calendar.attendee"
            or self.get_external_id().get(self.id) not in OPTIONAL_NOTE_TEMPLATES
        ):
            return result
        # sudo: only the flag of the attendees being mailed is read.
        optional = self.env["calendar.attendee"].sudo().browse(res_ids)
        for attendee in optional.filtered("crm_optional"):
            body = result.get(attendee.id)
            if body is None:
                continue
            lang_self = self.with_context(
                lang=attendee.partner_id.lang or self.env.lang
            )
            note = Markup('<p style="margin: 0 0 16px 0;"><strong>%s</strong></p>') % (
                lang_self.env._("Your attendance is optional.")
            )
            result[attendee.id] = note + Markup(body)
        return result
