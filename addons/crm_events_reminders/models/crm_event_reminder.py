# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import threading
import time
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, ValidationError

_logger = logging.getLogger(__name__)

ATTENDEE_EVENT_INDEX = "crm_events_reminders_calendar_attendee_event_id_idx"
UNIT_DELTAS = {
    "minutes": lambda n: timedelta(minutes=n),
    "hours": lambda n: timedelta(hours=n),
    "days": lambda n: timedelta(days=n),
    "weeks": lambda n: timedelta(weeks=n),
}


class CrmEventReminder(models.Model):
    """A reminder line of an event, sent exactly once by its own cron.

    Odoo's alarm manager skips alarms created after their own time and keeps one
    trigger per recurrence; here each occurrence owns its lines, each line has a
    stored, indexed send time and a state, and the cron locks what it sends.
    """

    _name = "crm.event.reminder"
    _description = "Event Reminder"
    _order = "reminder_time, id"

    event_id = fields.Many2one(
        "calendar.event",
        required=True,
        ondelete="cascade",
        index=True,
    )
    mode = fields.Selection(
        [("at_date", "At a date"), ("before_start", "Before the start date")],
        string="Reminder mode",
        required=True,
        default="before_start",
    )
    remind_at = fields.Datetime(string="Reminder date")
    duration = fields.Integer(string="Duration before start", default=15)
    duration_unit = fields.Selection(
        [
            ("minutes", "Minutes"),
            ("hours", "Hours"),
            ("days", "Days"),
            ("weeks", "Weeks"),
        ],
        string="Unit",
        default="minutes",
        required=True,
    )
    recipients = fields.Selection(
        [("me", "For me"), ("all", "For everyone")],
        string="Reminder recipients",
        required=True,
        default="me",
        help="For me: the assignee. For everyone: the assignee and the invitees "
        "who did not decline.",
    )
    channel = fields.Selection(
        [
            ("email", "Email"),
            ("note", "Internal note"),
            ("notification", "In-app notification"),
        ],
        string="Reminder channel",
        required=True,
        default="email",
    )
    template_id = fields.Many2one(
        "mail.template",
        string="Email template",
        domain=[("model", "=", "crm.event.reminder.log")],
        default=lambda self: self.env.ref(
            "crm_events_reminders.mail_template_event_reminder",
            raise_if_not_found=False,
        ),
    )
    reminder_time = fields.Datetime(
        string="Send at",
        compute="_compute_reminder_time",
        store=True,
        copy=False,
    )
    state = fields.Selection(
        [("pending", "Pending"), ("sent", "Sent"), ("skipped", "Skipped")],
        string="Reminder status",
        default="pending",
        required=True,
        copy=False,
    )
    sent_date = fields.Datetime(string="Sent on", copy=False, readonly=True)
    is_task_alert = fields.Boolean(string="Task alert", readonly=True)
    is_followup_alert = fields.Boolean(
        string="Call follow-up alert",
        readonly=True,
        help="Technical: the reminder of a call's follow-up due date.",
    )
    log_ids = fields.One2many(
        "crm.event.reminder.log", "reminder_id", string="Delivery log"
    )

    def init(self):
        # Finding due reminders is one index range scan over pending lines only.
        tools.create_index(
            self.env.cr,
            "crm_event_reminder_pending_time_idx",
            self._table,
            ["reminder_time", "id"],
            where="state = 'pending'",
        )
        # Recipients "for everyone" read the attendees of each batch of events:
        # Odoo leaves calendar_attendee.event_id unindexed (dropped on uninstall).
        tools.create_index(
            self.env.cr,
            ATTENDEE_EVENT_INDEX,
            "calendar_attendee",
            ["event_id"],
        )

    @api.depends("mode", "remind_at", "duration", "duration_unit", "event_id.start")
    def _compute_reminder_time(self):
        for reminder in self:
            if reminder.mode == "at_date":
                reminder.reminder_time = reminder.remind_at
            elif reminder.event_id.start:
                delta = UNIT_DELTAS[reminder.duration_unit](reminder.duration or 0)
                reminder.reminder_time = reminder.event_id.start - delta
            else:
                reminder.reminder_time = False

    @api.constrains("mode", "remind_at", "duration", "event_id")
    def _check_reminder(self):
        for reminder in self:
            if reminder.mode == "before_start" and reminder.duration < 0:
                raise ValidationError(
                    self.env._("A reminder cannot be a negative time before the start.")
                )
            if reminder.mode == "at_date":
                if not reminder.remind_at:
                    raise ValidationError(
                        self.env._("Set the date and time of the reminder.")
                    )
                stop = reminder.event_id.stop
                # A call's follow-up comes after the call, by definition.
                if (
                    stop
                    and reminder.remind_at > stop
                    and not reminder.is_followup_alert
                ):
                    raise ValidationError(
                        self.env._(
                            "The reminder of %(event)s is after the end of the event.",
                            event=reminder.event_id.name,
                        )
                    )

    def copy_data(self, default=None):
        """Fixed-date reminders move with the copy (occurrences, follow-ups)."""
        vals_list = super().copy_data(default=default)
        for reminder, vals in zip(self, vals_list, strict=True):
            if reminder.mode == "at_date" and reminder.event_id.start:
                vals["remind_at"] = False
                vals["crm_start_offset"] = (
                    reminder.event_id.start - reminder.remind_at
                ).total_seconds()
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                vals.pop("state", None)
                vals.pop("sent_date", None)
        offsets = [vals.pop("crm_start_offset", None) for vals in vals_list]
        if any(offset is not None for offset in offsets):
            events = self.env["calendar.event"].browse(
                {vals["event_id"] for vals in vals_list if vals.get("event_id")}
            )
            starts = {event.id: event.start for event in events}
            for vals, offset in zip(vals_list, offsets, strict=True):
                start = starts.get(vals.get("event_id"))
                if offset is not None and start:
                    vals["remind_at"] = start - timedelta(seconds=offset)
        reminders = super().create(vals_list)
        reminders._crm_apply_late_policy()
        reminders._crm_schedule()
        return reminders

    def write(self, vals):
        if not self.env.su and {
            "state",
            "sent_date",
            "is_task_alert",
            "is_followup_alert",
        } & set(vals):
            raise AccessError(
                self.env._("The status of a reminder is managed by the reminder cron.")
            )
        res = super().write(vals)
        if {"mode", "remind_at", "duration", "duration_unit"} & set(vals):
            self._crm_reschedule()
        return res

    # ------------------------------------------------------------
    # SCHEDULING
    # ------------------------------------------------------------

    def _crm_apply_late_policy(self):
        """A line saved after its own time is sent at once or skipped (Settings)."""
        now = fields.Datetime.now()
        late = self.filtered(
            lambda r: r.state == "pending"
            and r.reminder_time
            and r.reminder_time <= now
        )
        if not late:
            return
        policy = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("crm_events_reminders.late_reminder_policy", "send")
        )
        # Past events (e.g. old occurrences of a new recurrence) are never reminded.
        over = late.filtered(lambda r: r.event_id.stop and r.event_id.stop < now)
        if policy == "skip":
            over = late
        over.sudo().write({"state": "skipped"})

    def _crm_skip_pending(self):
        """The event is closed or archived: its pending lines will not be sent."""
        self.filtered(lambda r: r.state == "pending").sudo().write({"state": "skipped"})

    def _crm_reschedule(self):
        """A sent line whose time moves to the future is sent again then."""
        now = fields.Datetime.now()
        self.filtered(
            lambda r: r.state == "sent" and r.reminder_time and r.reminder_time > now
        ).sudo().write({"state": "pending", "sent_date": False})
        self._crm_schedule()

    def _crm_schedule(self):
        """One cron trigger at the earliest pending time of these lines."""
        times = [
            r.reminder_time
            for r in self
            if r.state == "pending" and r.reminder_time and r.event_id
        ]
        if times:
            cron = self.env.ref(
                "crm_events_reminders.ir_cron_event_reminders", raise_if_not_found=False
            )
            if cron:
                cron.sudo()._trigger(at=max(min(times), fields.Datetime.now()))

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _crm_lock_due(self, limit, now=None):
        """Ids of due lines, locked; lines locked by another worker are skipped."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT id FROM crm_event_reminder
             WHERE state = 'pending' AND reminder_time <= %s
          ORDER BY reminder_time, id
             LIMIT %s
               FOR UPDATE SKIP LOCKED
            """,
            (now or fields.Datetime.now(), limit),
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_send_reminders(self, batch_size=None, time_budget=None):
        params = self.env["ir.config_parameter"].sudo()
        batch_size = batch_size or max(
            int(params.get_param("crm_events_reminders.batch_size") or 50), 1
        )
        time_budget = time_budget or 120
        # Commit per batch so a crash loses at most one batch, which is then
        # rolled back whole (mails and "sent" flags together). Only in the cron
        # worker (its context has "cron_id"): never in tests, nor in a user's
        # request ("Run manually", a server action), which commits once at its end.
        auto_commit = bool(self.env.context.get("cron_id")) and not getattr(
            threading.current_thread(), "testing", False
        )
        cron = self.env["ir.cron"]
        started = time.monotonic()
        done = 0
        while time.monotonic() - started < time_budget:
            ids = self._crm_lock_due(batch_size)
            if not ids:
                break
            self.browse(ids)._crm_send()
            done += len(ids)
            remaining = self._crm_count_due()
            cron._notify_progress(done=done, remaining=remaining)
            if auto_commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit
            if not remaining:
                break
        self._crm_schedule_next()
        return done

    @api.model
    def _crm_count_due(self):
        self.flush_model(["state", "reminder_time"])
        self.env.cr.execute(
            "SELECT count(*) FROM crm_event_reminder "
            "WHERE state = 'pending' AND reminder_time <= %s",
            (fields.Datetime.now(),),
        )
        return self.env.cr.fetchone()[0]

    @api.model
    def _crm_schedule_next(self):
        self.flush_model(["state", "reminder_time"])
        self.env.cr.execute(
            "SELECT min(reminder_time) FROM crm_event_reminder "
            "WHERE state = 'pending' AND reminder_time > %s",
            (fields.Datetime.now(),),
        )
        next_time = self.env.cr.fetchone()[0]
        if next_time:
            self.env.ref(
                "crm_events_reminders.ir_cron_event_reminders"
            ).sudo()._trigger(at=next_time)

    # ------------------------------------------------------------
    # SENDING
    # ------------------------------------------------------------

    def _crm_recipients(self):
        """Partners to remind, per line: the assignee, plus invitees for 'all'."""
        result = {}
        for reminder in self:
            event = reminder.event_id
            assignee = event.user_id.partner_id or event.create_uid.partner_id
            partners = assignee
            if reminder.recipients == "all":
                attendees = event.attendee_ids.filtered(lambda a: a.state != "declined")
                if not event._crm_is_customer_facing():
                    attendees = attendees._crm_internal()
                partners |= attendees.partner_id
            result[reminder] = partners
        return result

    def _crm_send(self):
        """Send these (locked) lines: one log per recipient, mails in batch."""
        now = fields.Datetime.now()
        Log = self.env["crm.event.reminder.log"].sudo()
        log_vals = []
        for reminder, partners in self._crm_recipients().items():
            recipients = partners[:1] if reminder.channel == "note" else partners
            company = Log._crm_company_of(reminder.event_id)
            log_vals += [
                {
                    "reminder_id": reminder.id,
                    "event_id": reminder.event_id.id,
                    "event_name": reminder.event_id.name,
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "channel": reminder.channel,
                    "template_id": reminder.template_id.id,
                }
                for partner in recipients
            ]
        logs = Log.create(log_vals)
        logs.filtered(lambda lg: lg.channel == "email")._crm_send_emails()
        logs.filtered(lambda lg: lg.channel == "note")._crm_post_notes()
        logs.filtered(lambda lg: lg.channel == "notification")._crm_notify_in_app()
        self.sudo().write({"state": "sent", "sent_date": now})
        failed = logs.filtered(lambda lg: lg.state == "failed")
        if failed:
            failed._crm_log_failures_on_events()
