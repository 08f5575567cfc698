# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .calendar_recurrence import WEEKDAY_FIELDS
from .crm_event_category import EVENT_KINDS

EVENT_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
    ("not_held", "Not held"),
]
TASK_ALERTS = [
    ("5", "5 minutes before"),
    ("15", "15 minutes before"),
    ("30", "30 minutes before"),
    ("60", "1 hour before"),
    ("120", "2 hours before"),
    ("1440", "1 day before"),
    ("never", "Never"),
]
RELATED_MODELS = ("crm.lead", "res.partner", "sale.order", "calendar.event")
# Only meetings invite people outside the company; tasks, calls, notes... are
# internal work (the contact is reached by "Notify contact by email" only).
CUSTOMER_FACING_KINDS = ("meeting",)
# The activity Odoo opens on the lead or contact of an event (calendar: always a
# 'Meeting') takes the type matching the event's kind, so Odoo's activity views
# show the same to-do list as our events, and closing the event closes it.
KIND_ACTIVITY_TYPES = {
    "call": "mail.mail_activity_data_call",
    "task": "mail.mail_activity_data_todo",
    "email": "mail.mail_activity_data_email",
}


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    # Leads have events too, not only opportunities (crm restricts the domain).
    opportunity_id = fields.Many2one(domain=[])
    crm_event_kind = fields.Selection(
        EVENT_KINDS,
        string="Event type",
        default="meeting",
        required=True,
        index=True,
        tracking=True,
    )
    crm_category_id = fields.Many2one(
        "crm.event.category",
        string="Event category",
        domain="[('kind', '=', crm_event_kind)]",
        index="btree_not_null",
        tracking=True,
    )
    crm_state = fields.Selection(
        EVENT_STATES,
        string="Event status",
        default="planned",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    crm_closed_date = fields.Datetime(string="Closed on", copy=False, readonly=True)
    crm_close_reason = fields.Char(
        string="Closing reason", copy=False, readonly=True, tracking=True
    )
    crm_partner_id = fields.Many2one(
        "res.partner",
        string="Customer/Prospect",
        index="btree_not_null",
        tracking=True,
    )
    crm_contact_id = fields.Many2one(
        "res.partner",
        string="Contact person",
        index="btree_not_null",
        domain="[('id', 'child_of', crm_partner_id)]",
        tracking=True,
    )
    crm_team_id = fields.Many2one(
        "crm.team", string="Assigned team", index="btree_not_null", tracking=True
    )
    crm_related_ref = fields.Reference(
        selection="_selection_crm_related_ref",
        string="Related to",
        compute="_compute_crm_related_ref",
        inverse="_inverse_crm_related_ref",
    )
    crm_related_is_opportunity = fields.Boolean(
        string="Related to its lead",
        compute="_compute_crm_related_is_opportunity",
        help="Technical: 'Related to' is the lead of the event.",
    )
    crm_case_id = fields.Many2one(
        "crm.case",
        string="Case",
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        help="The case (a seminar, a series of meetings...) the event belongs to.",
    )
    crm_campaign_id = fields.Many2one(
        "utm.campaign",
        string="Marketing campaign",
        compute="_compute_crm_campaign_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="The marketing campaign the event is part of; taken from its "
        "lead's campaign, and can be changed.",
    )
    crm_case_partner_ids = fields.Many2many(
        related="crm_case_id.partner_ids", string="Case participants"
    )
    crm_optional_partner_ids = fields.Many2many(
        "res.partner",
        "calendar_event_crm_optional_partner_rel",
        "event_id",
        "partner_id",
        string="Optional attendees",
        help="Invited, but need not attend; they are added to the attendees. "
        "The other attendees are required.",
    )
    crm_priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High")],
        string="Event priority",
        default="1",
        index=True,
    )
    # Calls
    crm_call_direction = fields.Selection(
        [("in", "Incoming"), ("out", "Outgoing")], string="Call direction"
    )
    crm_call_from_id = fields.Many2one(
        "res.partner",
        string="Caller",
        compute="_compute_crm_call_parties",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Who made the call: a colleague, the customer or its contact "
        "(by default the assignee for an outgoing call, the contact for an "
        "incoming one).",
    )
    crm_call_to_id = fields.Many2one(
        "res.partner",
        string="Callee",
        compute="_compute_crm_call_parties",
        store=True,
        readonly=False,
        index="btree_not_null",
        help="Who received the call.",
    )
    crm_phone = fields.Char(
        string="Call phone number",
        compute="_compute_crm_phone",
        store=True,
        readonly=False,
        help="The number of the customer's side of the call, filled from the "
        "contact's phone (or mobile).",
    )
    crm_followup_date = fields.Date(string="Follow-up due date")
    # Tasks
    crm_task_alert = fields.Selection(
        TASK_ALERTS, string="Alert before due", default="1440"
    )
    # Reminders and notifications
    crm_reminder_ids = fields.One2many(
        "crm.event.reminder", "event_id", string="Event reminders", copy=True
    )
    crm_reminder_log_ids = fields.One2many(
        "crm.event.reminder.log", "event_id", string="Reminders sent"
    )
    crm_notify_assignee = fields.Boolean(
        string="Send notification email",
        copy=False,
        help="On save, email the assignee the details of the event.",
    )
    crm_notify_contact = fields.Boolean(
        string="Notify contact by email",
        copy=False,
        help="On save, email the contact the date, time and location of the "
        "appointment. Location and contact become required.",
    )
    crm_recurrence_summary = fields.Char(
        string="Recurrence summary", compute="_compute_crm_recurrence_summary"
    )
    crm_is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_crm_is_overdue",
        help="Still planned after its end (a task: after its due date).",
    )

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("opportunity_id")
    def _compute_crm_campaign_id(self):
        for event in self:
            # A lead's campaign wins when the lead is set or changed; an event
            # without one keeps what the user chose.
            event.crm_campaign_id = (
                event.opportunity_id.campaign_id or event.crm_campaign_id
            )

    @api.model
    def _selection_crm_related_ref(self):
        models_ = self.env["ir.model"].sudo().search([("model", "in", RELATED_MODELS)])
        return [(model.model, model.name) for model in models_]

    @api.depends("res_model", "res_id")
    def _compute_crm_related_ref(self):
        allowed = {model for model, _name in self._selection_crm_related_ref()}
        for event in self:
            if event.res_model in allowed and event.res_id:
                event.crm_related_ref = f"{event.res_model},{event.res_id}"
            else:
                event.crm_related_ref = False

    @api.depends("res_model", "res_id", "opportunity_id")
    def _compute_crm_related_is_opportunity(self):
        for event in self:
            event.crm_related_is_opportunity = bool(
                event.opportunity_id
                and event.res_model == "crm.lead"
                and event.res_id == event.opportunity_id.id
            )

    def _inverse_crm_related_ref(self):
        ir_model = self.env["ir.model"].sudo()
        for event in self:
            ref = event.crm_related_ref
            if ref:
                event.res_model_id = ir_model._get_id(ref._name)
                event.res_id = ref.id
                if ref._name == "crm.lead":
                    event.opportunity_id = ref
            else:
                event.res_model_id = False
                event.res_id = False

    @api.depends(
        "recurrency",
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
    def _compute_crm_recurrence_summary(self):
        recurrence = self.env["calendar.recurrence"]
        for event in self:
            event.crm_recurrence_summary = (
                recurrence._crm_summary(event) if event.recurrency else False
            )

    @api.depends(
        "crm_event_kind",
        "crm_call_direction",
        "user_id",
        "crm_contact_id",
        "crm_partner_id",
    )
    def _compute_crm_call_parties(self):
        """A call goes from the assignee to the contact, or back when incoming;
        other events keep what they have (nothing, unless typed in)."""
        for event in self:
            if event.crm_event_kind != "call":
                event.crm_call_from_id = event.crm_call_from_id
                event.crm_call_to_id = event.crm_call_to_id
                continue
            ours = event.user_id.partner_id
            theirs = event.crm_contact_id or event.crm_partner_id
            if event.crm_call_direction == "in":
                event.crm_call_from_id, event.crm_call_to_id = theirs, ours
            else:
                event.crm_call_from_id, event.crm_call_to_id = ours, theirs

    def _crm_call_party(self):
        """The customer's side of the call: the callee of an outgoing call, the
        caller of an incoming one."""
        self.ensure_one()
        if self.crm_call_direction == "in":
            return self.crm_call_from_id
        return self.crm_call_to_id

    @api.depends(
        "crm_event_kind", "crm_call_direction", "crm_call_from_id", "crm_call_to_id"
    )
    def _compute_crm_phone(self):
        for event in self:
            party = event.crm_event_kind == "call" and event._crm_call_party()
            number = party and (party.phone or party.mobile)
            event.crm_phone = number or event.crm_phone

    @api.depends("crm_state", "crm_event_kind", "start", "stop")
    def _compute_crm_is_overdue(self):
        now = fields.Datetime.now()
        for event in self:
            due = event.start if event.crm_event_kind == "task" else event.stop
            event.crm_is_overdue = bool(
                event.crm_state == "planned" and due and due < now
            )

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("crm_notify_contact", "location", "crm_contact_id")
    def _check_crm_notify_contact(self):
        for event in self.filtered("crm_notify_contact"):
            missing = []
            if not event.crm_contact_id:
                missing.append(self.env._("Contact person"))
            if not event.location:
                missing.append(self.env._("Location"))
            if missing:
                raise ValidationError(
                    self.env._(
                        "To notify the contact of %(event)s by email, fill in: "
                        "%(fields)s.",
                        event=event.name,
                        fields=", ".join(missing),
                    )
                )

    @api.constrains("crm_contact_id", "crm_notify_contact")
    def _check_crm_contact_email(self):
        for event in self.filtered(lambda e: e.crm_notify_contact and e.crm_contact_id):
            if not event.crm_contact_id.email:
                raise ValidationError(
                    self.env._(
                        "The contact %(contact)s has no email address.",
                        contact=event.crm_contact_id.display_name,
                    )
                )

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model
    def default_get(self, fields_list):
        """A new event in the form shows its assignee's default reminder, so what
        the form saves is what the user saw (the web client sends the lines)."""
        defaults = super().default_get(fields_list)
        if (
            "crm_reminder_ids" in fields_list
            and "crm_reminder_ids" not in defaults
            and not self.env.context.get("crm_events_no_default_reminder")
        ):
            user_id = (
                defaults.get("user_id")
                or self.env.context.get("default_user_id")
                or self.env.uid
            )
            minutes = self._crm_default_reminder_minutes({user_id})[user_id]
            if minutes > 0:
                defaults["crm_reminder_ids"] = self._crm_default_reminder_commands(
                    minutes
                )
        return defaults

    @api.model_create_multi
    def create(self, vals_list):
        self._crm_add_default_reminders(vals_list)
        events = super().create(vals_list)
        # Which events need our follow-up is read as the superuser: Odoo lets a
        # user create an event that a record rule then hides from them (calendar's
        # own tests do), and reading it back as them would refuse Odoo's create.
        # A plain Odoo event matches none of these, so nothing more is read.
        created = events.sudo()

        def matching(predicate):
            return events.browse(created.filtered(predicate).ids)

        matching(lambda e: e.crm_event_kind == "task")._crm_sync_task_alerts()
        matching(lambda e: e.crm_optional_partner_ids)._crm_sync_optional_attendees()
        # Copies (follow-ups, occurrences) bring their model's alert line along.
        matching(
            lambda e: e.crm_followup_date
            or any(r.is_followup_alert for r in e.crm_reminder_ids)
        )._crm_sync_followup_alerts()
        matching(
            lambda e: e.activity_ids and e.crm_event_kind in KIND_ACTIVITY_TYPES
        )._crm_sync_activity_type()
        matching(
            lambda e: e.crm_notify_assignee or e.crm_notify_contact
        )._crm_send_save_notifications()
        return events

    def write(self, vals):
        if vals.get("crm_state") == "planned" and not self.env.context.get(
            "crm_events_reopen"
        ):
            if self.filtered(lambda e: e.crm_state != "planned"):
                raise UserError(
                    self.env._(
                        "A done or cancelled event cannot be set back to planned; "
                        "use the Reopen button (sales administrators)."
                    )
                )
        res = super().write(vals)
        if {"partner_ids", "crm_optional_partner_ids"} & set(vals):
            self._crm_sync_optional_attendees(
                drop_missing="crm_optional_partner_ids" not in vals
            )
        if "active" in vals:
            # Archived events (e.g. detached occurrences) are not reminded.
            if vals["active"]:
                self._crm_resume_reminders()
            else:
                self.crm_reminder_ids._crm_skip_pending()
        moved = bool({"start", "stop", "start_date", "stop_date"} & set(vals))
        if moved:
            self.crm_reminder_ids._crm_reschedule()
        if {"crm_event_kind", "crm_task_alert"} & set(vals):
            self._crm_sync_task_alerts()
        elif moved:
            # A moved due date may bring back an alert whose time had passed.
            self.filtered(lambda e: e.crm_event_kind == "task")._crm_sync_task_alerts()
        if {"crm_followup_date", "crm_event_kind", "user_id", "active"} & set(vals):
            self._crm_sync_followup_alerts()
        if "crm_event_kind" in vals:
            self._crm_sync_activity_type()
        if vals.get("crm_notify_assignee") or vals.get("crm_notify_contact"):
            self._crm_send_save_notifications()
        return res

    @api.model
    def _crm_default_reminder_minutes(self, user_ids):
        """Default reminder delay of each user (their preference, 0 = none)."""
        # sudo: only this preference is read, of users the caller may assign.
        users = self.env["res.users"].sudo().browse(user_ids)
        return {user.id: user.crm_default_reminder_minutes for user in users}

    @api.model
    def _crm_default_reminder_commands(self, minutes):
        return [
            fields.Command.create(
                {
                    "mode": "before_start",
                    "duration": minutes,
                    "duration_unit": "minutes",
                    "recipients": "me",
                    "channel": "notification",
                }
            )
        ]

    @api.model
    def _crm_add_default_reminders(self, vals_list):
        """Apply each assignee's default reminder delay to new events created
        without reminder lines (the form gets it from default_get)."""
        if self.env.context.get("crm_events_no_default_reminder"):
            return
        todo = [vals for vals in vals_list if "crm_reminder_ids" not in vals]
        if not todo:
            return
        delays = self._crm_default_reminder_minutes(
            {vals.get("user_id") or self.env.uid for vals in todo}
        )
        for vals in todo:
            minutes = delays.get(vals.get("user_id") or self.env.uid)
            # Always set: default_get must not add the creator's default instead.
            vals["crm_reminder_ids"] = (
                self._crm_default_reminder_commands(minutes)
                if minutes and minutes > 0 and not vals.get("recurrence_id")
                else []
            )

    def _crm_sync_task_alerts(self):
        """Tasks carry one alert reminder, following the 'Alert before due' preset."""
        if not self:
            return
        reminders = self.env["crm.event.reminder"]
        alerts = reminders.search(
            [("event_id", "in", self.ids), ("is_task_alert", "=", True)]
        )
        alerts.filtered(lambda r: r.state == "pending").unlink()
        have_sent = set(alerts.exists().mapped("event_id").ids)
        to_create = [
            {
                "event_id": event.id,
                "mode": "before_start",
                "duration": int(event.crm_task_alert),
                "duration_unit": "minutes",
                "recipients": "me",
                "channel": "notification",
                "is_task_alert": True,
            }
            for event in self
            if event.crm_event_kind == "task"
            and event.crm_state == "planned"
            and event.active
            and event.crm_task_alert
            and event.crm_task_alert != "never"
            and event.id not in have_sent
            and event.start
            and event.start - timedelta(minutes=int(event.crm_task_alert))
            > fields.Datetime.now()
        ]
        if to_create:
            reminders.create(to_create)

    def _crm_sync_optional_attendees(self, drop_missing=False):
        """Optional attendees are attendees: added to the invited partners (Odoo
        then invites them); someone removed from the attendees is no longer an
        optional one either."""
        for event in self:
            missing = event.crm_optional_partner_ids - event.partner_ids
            if not missing:
                continue
            if drop_missing:
                event.crm_optional_partner_ids = [
                    fields.Command.unlink(p.id) for p in missing
                ]
            else:
                event.partner_ids = [fields.Command.link(p.id) for p in missing]

    def _get_ics_file(self):
        """The .ics of the invitation marks optional attendees as such
        (RFC 5545 ROLE=OPT-PARTICIPANT), as Outlook and Google read it."""
        result = super()._get_ics_file()
        with_optional = self.filtered(
            lambda e: e.id in result and any(e.attendee_ids.mapped("crm_optional"))
        )
        if not with_optional:
            return result
        import vobject  # present: Odoo's own method produced the file

        for event in with_optional:
            emails = {
                (a.email or "").lower()
                for a in event.attendee_ids
                if a.crm_optional and a.email
            }
            cal = vobject.readOne(result[event.id].decode())
            for line in cal.vevent.contents.get("attendee", []):
                if line.value.lower().removeprefix("mailto:") in emails:
                    line.params["ROLE"] = ["OPT-PARTICIPANT"]
            result[event.id] = cal.serialize().encode()
        return result

    def _crm_followup_alert_time(self):
        """9:00 on the follow-up date, in the assignee's time zone (UTC, naive)."""
        self.ensure_one()
        tz = pytz.timezone(self.user_id.tz or self.event_tz or "UTC")
        local = tz.localize(
            datetime.combine(self.crm_followup_date, datetime.min.time()).replace(
                hour=9
            )
        )
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _crm_sync_activity_type(self):
        """The activity Odoo's calendar opened for the event (a 'Meeting') is
        typed after the event: a call event is a 'Call' activity, a task a
        'To-Do', an e-mail an 'Email'; back to 'Meeting' for the other kinds.
        Only the activities calendar manages (Meeting or one of these types)
        are retyped; an activity the user typed otherwise is left alone."""
        meeting_types = (
            self.env["mail.activity.type"].sudo().search([("category", "=", "meeting")])
        )
        kind_types = {
            kind: self.env.ref(xmlid, raise_if_not_found=False)
            for kind, xmlid in KIND_ACTIVITY_TYPES.items()
        }
        ours = self.env["mail.activity.type"].union(*filter(None, kind_types.values()))
        for event in self:
            target = kind_types.get(event.crm_event_kind)
            # To a kind's type from a Meeting; back to Meeting from a kind's type.
            managed = (meeting_types | ours) if target else ours
            target = target or meeting_types[:1]
            if not target:
                continue
            # sudo: the user writes the event; its activity may be a
            # colleague's (the assignee's), as in _crm_close.
            activities = event.sudo().activity_ids.filtered(
                lambda a, target=target, managed=managed: a.activity_type_id in managed
                and a.activity_type_id != target
            )
            if activities:
                activities.write({"activity_type_id": target.id})

    def _crm_sync_followup_alerts(self):
        """A call's follow-up date carries one in-app reminder to its assignee
        that morning; it outlives the call being done (that is its point)."""
        if not self:
            return
        reminders = self.env["crm.event.reminder"]
        reminders.search(
            [
                ("event_id", "in", self.ids),
                ("is_followup_alert", "=", True),
                ("state", "=", "pending"),
            ]
        ).unlink()
        now = fields.Datetime.now()
        to_create = []
        for event in self:
            if not (
                event.crm_event_kind == "call"
                and event.crm_followup_date
                and event.active
                and event.crm_state in ("planned", "done")
            ):
                continue
            remind_at = event._crm_followup_alert_time()
            if remind_at > now:
                to_create.append(
                    {
                        "event_id": event.id,
                        "mode": "at_date",
                        "remind_at": remind_at,
                        "recipients": "me",
                        "channel": "notification",
                        "is_followup_alert": True,
                    }
                )
        if to_create:
            reminders.create(to_create)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.model
    def _crm_new_event_action(self, defaults, kind):
        """Form of a new event of ``kind``, prefilled from a CRM record."""
        kind = kind if kind in dict(EVENT_KINDS) else "meeting"
        if kind not in CUSTOMER_FACING_KINDS:
            # Internal work: the customer is not invited (Odoo would mail them).
            defaults = dict(
                defaults,
                default_partner_ids=[fields.Command.set(self.env.user.partner_id.ids)],
            )
        names = {
            "meeting": self.env._("New appointment"),
            "call": self.env._("New call"),
            "task": self.env._("New task"),
            "note": self.env._("New note"),
            "email": self.env._("New e-mail"),
        }
        return {
            "type": "ir.actions.act_window",
            "name": names.get(kind, self.env._("New event")),
            "res_model": "calendar.event",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": dict(
                defaults,
                default_crm_event_kind=kind,
                crm_events_require_customer=True,
            ),
        }

    def action_crm_done(self):
        self._crm_close("done")
        return True

    def action_crm_cancel(self, reason=False):
        self._crm_close("cancelled", reason=reason)
        return True

    def action_crm_not_held(self, reason=False):
        self._crm_close("not_held", reason=reason)
        return True

    def action_crm_open_cancel(self):
        """Cancel button and list action: ask the outcome and the reason."""
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_cancel_action"
        )
        action["context"] = {
            "default_event_ids": self.ids,
            "default_outcome": self.env.context.get("crm_close_outcome", "cancelled"),
        }
        return action

    def _crm_close(self, state, reason=False):
        """Done, cancelled or not-held events stay as history; their pending
        reminders stop and the activities Odoo opened for them (the 'Meeting'
        activity on the lead or contact) are marked done, with their history
        kept. Only sales administrators reopen them (action_crm_reopen)."""
        events = self.filtered(lambda e: e.crm_state == "planned")
        if not events:
            return
        values = {"crm_state": state, "crm_closed_date": fields.Datetime.now()}
        if reason:
            values["crm_close_reason"] = reason
        events.write(values)
        reminders = events.crm_reminder_ids
        if state == "done":
            # The follow-up of a done call is still to be done.
            reminders = reminders.filtered(lambda r: not r.is_followup_alert)
        reminders._crm_skip_pending()
        # sudo: the user could write these events (just above); their activities
        # may sit on a lead the user cannot see (searched: the cached
        # activity_ids were read with the user's rights), and must close too.
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search([("calendar_event_id", "in", events.ids)])
        )
        if activities:
            feedback = {
                "cancelled": self.env._("The event was cancelled."),
                "not_held": self.env._("The event did not take place."),
            }.get(state, False)
            if feedback and reason:
                feedback = f"{feedback} {reason}"
            activities._action_done(feedback=feedback)

    def _crm_is_customer_facing(self):
        """Whether the event may reach people outside the company (attendees)."""
        self.ensure_one()
        return self.crm_event_kind in CUSTOMER_FACING_KINDS

    def action_crm_reopen(self):
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise UserError(
                self.env._("Only sales administrators can reopen an event.")
            )
        self.with_context(crm_events_reopen=True).write(
            {
                "crm_state": "planned",
                "crm_closed_date": False,
                "crm_close_reason": False,
            }
        )
        self._crm_resume_reminders()
        return True

    def _crm_resume_reminders(self):
        """Skipped reminders of planned, active events come back if still ahead."""
        now = fields.Datetime.now()
        reminders = self.filtered(
            lambda e: e.active and e.crm_state == "planned"
        ).crm_reminder_ids.filtered(
            lambda r: r.state == "skipped" and r.reminder_time and r.reminder_time > now
        )
        reminders.sudo().write({"state": "pending"})
        reminders._crm_schedule()

    def action_crm_followup(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_followup_action"
        )
        action["context"] = {"default_event_id": self.id}
        return action

    def action_crm_recurrence_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_recurrence_wizard_action"
        )
        action["context"] = {"default_event_id": self.id}
        return action

    def _crm_set_due(self, days):
        """Due-date shortcuts: today, in 3 days, in a week, keeping the time."""
        for event in self:
            tz = pytz.timezone(event.event_tz or self.env.user.tz or "UTC")
            start = event.start or fields.Datetime.now()
            local = pytz.utc.localize(start).astimezone(tz)
            today = fields.Date.context_today(event)
            new_local = tz.localize(
                datetime.combine(today + timedelta(days=days), local.time())
            )
            new_start = new_local.astimezone(pytz.utc).replace(tzinfo=None)
            duration = (event.stop - event.start) if event.stop else timedelta(hours=1)
            event.write({"start": new_start, "stop": new_start + duration})
        return True

    def action_crm_due_today(self):
        return self._crm_set_due(0)

    def action_crm_due_3_days(self):
        return self._crm_set_due(3)

    def action_crm_due_week(self):
        return self._crm_set_due(7)

    # ------------------------------------------------------------
    # NOTIFICATIONS
    # ------------------------------------------------------------

    def _crm_send_save_notifications(self):
        """Email the assignee and/or the contact, then untick the boxes."""
        to_assignee = self.filtered(
            lambda e: e.crm_notify_assignee and e.user_id.partner_id.email
        )
        to_contact = self.filtered("crm_notify_contact")
        if not (to_assignee or to_contact):
            return
        if to_assignee:
            template = self.env.ref(
                "crm_events_reminders.mail_template_event_notification",
                raise_if_not_found=False,
            )
            if template:
                template.sudo().send_mail_batch(to_assignee.ids)
        if to_contact:
            template = self.env.ref(
                "crm_events_reminders.mail_template_event_contact",
                raise_if_not_found=False,
            )
            if template:
                template.sudo().send_mail_batch(to_contact.ids)
        # One write per distinct value set.
        self.filtered("crm_notify_assignee").write({"crm_notify_assignee": False})
        to_contact.write({"crm_notify_contact": False})
