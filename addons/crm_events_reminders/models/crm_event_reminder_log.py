# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict
from itertools import repeat

from markupsafe import Markup

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrmEventReminderLog(models.Model):
    """What went to whom: one line per reminder and recipient.

    Reminder email templates are rendered on these lines, so each recipient gets
    the template in their own language (``lang`` = the recipient's).
    """

    _name = "crm.event.reminder.log"
    _description = "Event Reminder Delivery"
    _order = "id desc"

    reminder_id = fields.Many2one("crm.event.reminder", ondelete="set null", index=True)
    event_id = fields.Many2one("calendar.event", ondelete="set null", index=True)
    event_name = fields.Char(string="Event subject")
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        help="The company of the event's opportunity, else of its organizer.",
    )
    partner_id = fields.Many2one("res.partner", string="Recipient", index=True)
    channel = fields.Selection(
        [
            ("email", "Email"),
            ("note", "Internal note"),
            ("notification", "In-app notification"),
        ],
        string="Sent by",
        required=True,
    )
    template_id = fields.Many2one("mail.template", string="Template used")
    state = fields.Selection(
        [("sent", "Sent"), ("failed", "Failed")],
        string="Delivery status",
        default="sent",
        required=True,
    )
    error = fields.Text(string="Error message")
    mail_id = fields.Many2one("mail.mail", string="Email", ondelete="set null")
    message_id = fields.Many2one(
        "mail.message", string="Posted note", ondelete="set null"
    )

    @api.depends()
    def _compute_company_id(self):
        # Set once, when the line is written (no dependency): the line keeps its
        # company when the event is deleted.
        for log in self:
            log.company_id = log._crm_company_of(log.event_id)

    @api.model
    def _crm_company_of(self, event):
        event = event.sudo()
        return event.opportunity_id.company_id or event.user_id.company_id

    def _fetch_query(self, query, fields):
        """Hide the subject of other people's private events, as Odoo's calendar
        does for the event itself (``calendar.event._fetch_query``)."""
        records = super()._fetch_query(query, fields)
        name_field = self._fields["event_name"]
        if self.env.su or name_field not in fields:
            return records
        hidden = records.filtered(
            lambda log: log.event_id and log.event_id._check_private_event_conditions()
        )
        if hidden:
            busy = name_field.convert_to_cache(self.env._("Busy"), hidden)
            self.env.cache.update(hidden, name_field, repeat(busy))
        return records

    def _crm_default_template(self):
        return self.env.ref(
            "crm_events_reminders.mail_template_event_reminder",
            raise_if_not_found=False,
        )

    def _crm_by_template(self):
        groups = defaultdict(lambda: self.browse())
        default = self._crm_default_template()
        for log in self:
            groups[(log.template_id or default).sudo()] |= log
        return groups

    def _crm_fail(self, error):
        _logger.info("Event reminder not sent to %s: %s", self.partner_id, error)
        self.write({"state": "failed", "error": str(error)})

    def _crm_send_emails(self):
        """Queue one mail per line; a line that fails to render never blocks the
        others (batch first, then line by line in savepoints)."""
        for template, logs in self._crm_by_template().items():
            if not template:
                logs._crm_fail(self.env._("No email template."))
                continue
            try:
                with self.env.cr.savepoint():
                    mails = template.send_mail_batch(logs.ids)
            except Exception:  # noqa: BLE001 - retried line by line just below
                mails = self.env["mail.mail"].sudo()
                for log in logs:
                    try:
                        with self.env.cr.savepoint():
                            mails |= template.send_mail_batch(log.ids)
                    except Exception as error:  # noqa: BLE001 - logged on the event
                        log._crm_fail(error)
            for mail in mails:
                self.browse(mail.res_id).mail_id = mail

    def _crm_render_bodies(self):
        """Subject and body per line, rendered in the recipient's language."""
        result = {}
        for template, logs in self._crm_by_template().items():
            try:
                bodies = template._render_field(
                    "body_html", logs.ids, compute_lang=True
                )
                subjects = template._render_field(
                    "subject", logs.ids, compute_lang=True
                )
            except Exception as error:  # noqa: BLE001 - logged on the event
                logs._crm_fail(error)
                continue
            for log in logs:
                result[log] = (subjects[log.id], bodies[log.id])
        return result

    def _crm_note_target(self):
        event = self.event_id
        model = event.res_model
        if model and event.res_id and model in self.env:
            Model = self.env[model]
            if hasattr(Model, "_message_log_batch"):
                record = Model.browse(event.res_id).exists()
                if record:
                    return record
        return event.opportunity_id or event

    def _crm_post_notes(self):
        """Internal notes on the related record, one batch per model."""
        rendered = self._crm_render_bodies()
        per_model = defaultdict(dict)
        for log, (subject, body) in rendered.items():
            target = log._crm_note_target()
            note = Markup("<p><b>%s</b></p>%s") % (subject or "", body or "")
            bodies = per_model[target._name]
            bodies[target.id] = bodies.get(target.id, Markup()) + note
        for model, bodies in per_model.items():
            records = self.env[model].sudo().browse(list(bodies))
            records._message_log_batch(bodies=bodies)

    def _crm_notify_in_app(self):
        """Odoo's own calendar popup, sent over the bus to each recipient user."""
        per_user = defaultdict(list)
        for log in self:
            users = log.partner_id.user_ids.filtered(lambda u: not u.share)
            if not users:
                log._crm_fail(self.env._("The recipient is not a user."))
                continue
            payload = {
                "alarm_id": f"crm_reminder_{log.reminder_id.id}",
                "event_id": log.event_id.id,
                "title": log.event_id.name,
                "message": log._crm_notification_message(),
                "timer": 0,
                "notify_at": fields.Datetime.to_string(fields.Datetime.now()),
            }
            for user in users:
                per_user[user].append(payload)
        alarm_manager = self.env["calendar.alarm_manager"]
        for user, payloads in per_user.items():
            # Odoo's popup service replaces pending popups: resend Odoo's ones too.
            pending = alarm_manager.with_user(user).get_next_notif()
            user._bus_send("calendar.alarm", payloads + pending)

    def _crm_notification_message(self):
        self.ensure_one()
        if self.reminder_id.is_followup_alert:
            lang_self = self.with_context(lang=self.partner_id.lang or self.env.lang)
            return lang_self.env._("The follow-up of this call is due today.")
        return self.event_id.display_time

    def _crm_log_failures_on_events(self):
        bodies = defaultdict(Markup)
        for log in self.filtered("event_id"):
            bodies[log.event_id.id] += Markup("<p>%s</p>") % self.env._(
                "The reminder to %(partner)s could not be sent: %(error)s",
                partner=log.partner_id.display_name,
                error=log.error or "",
            )
        if bodies:
            events = self.env["calendar.event"].sudo().browse(list(bodies))
            events._message_log_batch(bodies=dict(bodies))
