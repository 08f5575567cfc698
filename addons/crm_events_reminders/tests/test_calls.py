# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import EventsCommon
from .saved_views import search_filter, search_menu


@tagged("post_install", "-at_install")
class TestCalls(EventsCommon):
    """Caller and callee, the number from the contact, the follow-up date used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact.phone = "+33 1 23 45 67 89"

    def _call_form(self):
        action = (
            self.lead.with_user(self.rep)
            .with_context(crm_event_kind="call")
            .action_crm_new_event()
        )
        return Form(
            self.env["calendar.event"]
            .with_user(self.rep)
            .with_context(**action["context"], crm_events_no_default_reminder=True)
        )

    def test_caller_callee_and_number_from_the_contact(self):
        with self._call_form() as form:
            form.name = "Quote follow-up"
            form.crm_call_direction = "out"
            self.assertEqual(form.crm_call_from_id, self.rep.partner_id)
            self.assertEqual(form.crm_call_to_id, self.contact)
            self.assertEqual(form.crm_phone, "+33 1 23 45 67 89")
            form.crm_call_direction = "in"
            self.assertEqual(form.crm_call_from_id, self.contact)
            self.assertEqual(form.crm_call_to_id, self.rep.partner_id)
            # Another colleague took the call: the callee can be changed.
            form.crm_call_to_id = self.manager.partner_id
        call = form.record
        self.assertEqual(call.crm_call_from_id, self.contact)
        self.assertEqual(call.crm_call_to_id, self.manager.partner_id)
        self.assertEqual(call.crm_phone, "+33 1 23 45 67 89")

    def test_typed_number_kept_without_contact_phone(self):
        self.contact.phone = False
        with self._call_form() as form:
            form.name = "Call"
            form.crm_phone = "+33 6 00 00 00 00"
            form.crm_call_direction = "out"
        self.assertEqual(form.record.crm_phone, "+33 6 00 00 00 00")

    def test_other_events_have_no_caller(self):
        meeting = self._event(name="Visit")
        self.assertFalse(meeting.crm_call_from_id)
        self.assertFalse(meeting.crm_call_to_id)
        self.assertFalse(meeting.crm_phone)

    def test_follow_up_reminder(self):
        """The follow-up date reminds the assignee that morning (9:00 in their
        time zone), also once the call is done, in Odoo's calendar popup."""
        with freeze_time("2026-03-05 08:00:00"):
            with self._call_form() as form:
                form.name = "Call about the quote"
                form.crm_followup_date = date(2026, 3, 16)
            call = form.record
            alert = call.crm_reminder_ids.filtered("is_followup_alert")
            # 9:00 in Paris (the salesperson's time zone) is 8:00 UTC in March.
            self.assertEqual(alert.reminder_time, datetime(2026, 3, 16, 8, 0))
            self.assertEqual(alert.channel, "notification")
            call.action_crm_done()
            self.assertEqual(alert.state, "pending")
            with Form(call) as form:
                form.crm_followup_date = date(2026, 3, 17)
            alerts = call.crm_reminder_ids.filtered("is_followup_alert")
            self.assertEqual(alerts.mapped("reminder_time"), [datetime(2026, 3, 17, 8)])
        sent = []
        with (
            freeze_time("2026-03-17 08:00:00"),
            patch.object(
                type(self.rep),
                "_bus_send",
                lambda user, kind, payload: sent.append((user, kind, payload)),
            ),
        ):
            self.Reminder._cron_send_reminders()
        self.assertEqual(alerts.state, "sent")
        popups = [p for u, k, ps in sent if u == self.rep for p in ps]
        self.assertIn(
            "The follow-up of this call is due today.",
            [p["message"] for p in popups],
        )

    def test_follow_up_cleared_or_cancelled(self):
        with freeze_time("2026-03-05 08:00:00"):
            call = self._event(
                crm_event_kind="call", crm_followup_date=date(2026, 3, 16)
            ).with_user(self.rep)
            self.assertTrue(call.crm_reminder_ids.filtered("is_followup_alert"))
            call.crm_followup_date = False
            self.assertFalse(call.crm_reminder_ids.filtered("is_followup_alert"))
            call.crm_followup_date = date(2026, 3, 16)
            call.action_crm_cancel("No need")
            self.assertEqual(
                call.crm_reminder_ids.filtered("is_followup_alert").state, "skipped"
            )
            # A meeting's date field is not a call follow-up.
            meeting = self._event(crm_followup_date=date(2026, 3, 16))
            self.assertFalse(meeting.crm_reminder_ids)

    def test_follow_up_planned_ends_the_reminder(self):
        with freeze_time("2026-03-05 08:00:00"):
            call = self._event(
                crm_event_kind="call", crm_followup_date=date(2026, 3, 16)
            ).with_user(self.rep)
            call.action_crm_done()
            action = call.action_crm_followup()
            with Form(
                self.env["crm.event.followup"]
                .with_user(self.rep)
                .with_context(**action["context"])
            ) as wizard:
                self.assertEqual(wizard.start.date(), date(2026, 3, 16))
            new = self.env["calendar.event"].browse(
                wizard.record.action_create_followup()["res_id"]
            )
            self.assertEqual(
                call.crm_reminder_ids.filtered("is_followup_alert").state, "skipped"
            )
            self.assertFalse(new.crm_followup_date)
            self.assertFalse(new.crm_reminder_ids.filtered("is_followup_alert"))

    def test_follow_up_due_filter_and_column(self):
        with freeze_time("2026-03-10 08:00:00"):
            due = self._event(
                crm_event_kind="call", name="Due", crm_followup_date=date(2026, 3, 9)
            )
            today = self._event(
                crm_event_kind="call", name="Today", crm_followup_date=date(2026, 3, 10)
            )
            self._event(
                crm_event_kind="call", name="Later", crm_followup_date=date(2026, 3, 20)
            )
            self._event(crm_event_kind="call", name="No follow-up")
            found = search_filter(
                self.env,
                "calendar.event",
                "crm_followup_due",
                self.rep,
                domain=[("crm_event_kind", "=", "call")],
            )
            self.assertEqual(found, due | today)
            calls, action, __ = search_menu(
                self.env, "crm_events_reminders.crm_event_menu_my_calls", self.rep
            )
        self.assertIn(due, calls)
        list_view = dict((kind, view) for view, kind in action["views"])["list"]
        arch = (
            self.env["calendar.event"]
            .with_user(self.rep)
            .get_views([(list_view, "list")])["views"]["list"]["arch"]
        )
        for column in (
            "crm_followup_date",
            "crm_call_from_id",
            "crm_call_to_id",
            "crm_phone",
        ):
            self.assertIn(f'name="{column}"', arch)
