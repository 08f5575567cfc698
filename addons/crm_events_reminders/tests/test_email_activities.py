# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestEmailAndActivities(EventsCommon):
    """An e-mail event kind; each planned event of a lead or contact is one Odoo
    activity of the matching type (Call, To-Do, Email, Meeting), so the activity
    views and the events are the same list."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        cls.types = {
            xmlid: cls.env.ref(f"mail.mail_activity_data_{xmlid}")
            for xmlid in ("meeting", "call", "todo", "email")
        }

    def _create_from(self, record, kind, name):
        action = (
            record.with_user(self.rep)
            .with_context(crm_event_kind=kind)
            .action_crm_new_event()
        )
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.name = name
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
        return form.record

    def test_email_event_from_lead_is_an_email_activity(self):
        action = (
            self.lead.with_user(self.rep)
            .with_context(crm_event_kind="email")
            .action_crm_new_event()
        )
        self.assertEqual(action["name"], "New e-mail")
        event = self._create_from(self.lead, "email", "Send the price list")
        self.assertEqual(event.crm_event_kind, "email")
        self.assertEqual(event.partner_ids, self.rep.partner_id, "internal work")
        activity = self.lead.activity_ids
        self.assertEqual(activity.calendar_event_id, event)
        self.assertEqual(activity.activity_type_id, self.types["email"])
        self.assertEqual(activity.summary, "Send the price list")
        self.assertEqual(activity.user_id, self.rep)
        event.with_user(self.rep).action_crm_done()
        self.assertFalse(self.lead.activity_ids)
        done = self.lead.message_ids.filtered(
            lambda m: m.mail_activity_type_id == self.types["email"]
        )
        self.assertEqual(len(done), 1, "kept in the lead's history")

    def test_each_kind_its_activity_type(self):
        expected = {
            "call": "call",
            "task": "todo",
            "email": "email",
            "meeting": "meeting",
            "note": "meeting",
        }
        for kind, type_key in expected.items():
            with self.subTest(kind=kind):
                event = self._create_from(self.lead, kind, f"Event {kind}")
                self.assertEqual(
                    event.activity_ids.activity_type_id, self.types[type_key]
                )

    def test_kind_changed_retypes_and_moves_with_the_event(self):
        event = self._create_from(self.contact, "call", "Call back")
        activity = event.activity_ids
        self.assertEqual(activity.activity_type_id, self.types["call"])
        with Form(event.with_user(self.rep)) as form:
            form.crm_event_kind = "meeting"
        self.assertEqual(activity.activity_type_id, self.types["meeting"])
        with Form(event.with_user(self.rep)) as form:
            form.crm_event_kind = "task"
            form.start = self.start + timedelta(days=3)
            form.stop = self.start + timedelta(days=3, hours=1)
        self.assertEqual(activity.activity_type_id, self.types["todo"])
        self.assertEqual(
            activity.date_deadline, (self.start + timedelta(days=3)).date()
        )

    def test_odoo_calendar_event_keeps_its_meeting_activity(self):
        """Odoo's own flow (crm's Meeting button, no kind chosen) is unchanged."""
        action = self.lead.with_user(self.rep).action_schedule_meeting()
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.name = "Demo"
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
        self.assertEqual(form.record.crm_event_kind, "meeting")
        self.assertFalse(form.record.activity_ids, "as in Odoo: no activity")

    def test_activity_typed_by_the_user_is_left_alone(self):
        event = self._create_from(self.lead, "call", "Call")
        activity = event.activity_ids
        upload = self.env["mail.activity.type"].create(
            {"name": "Custom follow-up", "category": "default"}
        )
        activity.activity_type_id = upload
        event.with_user(self.rep).crm_event_kind = "email"
        self.assertEqual(activity.activity_type_id, upload)

    def test_call_activity_open_calendar_plans_a_call_event(self):
        """Odoo's Schedule activity, type Call, 'Open Calendar': a call event
        whose activity is the Call just planned; done closes it."""
        wizard = Form(
            self.env["mail.activity.schedule"]
            .with_user(self.rep)
            .with_context(active_model="crm.lead", active_ids=self.lead.ids)
        )
        wizard.activity_type_id = self.types["call"]
        wizard.summary = "Call the buyer back"
        action = wizard.save().action_create_calendar_event()
        self.assertEqual(action["context"]["default_crm_event_kind"], "call")
        activity = self.lead.activity_ids
        self.assertEqual(activity.activity_type_id, self.types["call"])
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
        event = form.record
        self.assertEqual(event.crm_event_kind, "call")
        self.assertEqual(event.activity_ids, activity)
        self.assertEqual(activity.activity_type_id, self.types["call"])
        event.with_user(self.rep).action_crm_done()
        self.assertFalse(self.lead.activity_ids)

    def test_meeting_activity_still_plans_a_meeting(self):
        activity = self.lead.activity_schedule(
            "mail.mail_activity_data_meeting", user_id=self.rep.id
        )
        action = activity.with_user(self.rep).action_create_calendar_event()
        self.assertNotIn("default_crm_event_kind", action["context"])
