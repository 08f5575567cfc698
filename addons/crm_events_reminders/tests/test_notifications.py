# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestNotifications(EventsCommon):
    def _mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def test_notify_assignee_on_save(self):
        event = self._event(crm_notify_assignee=True, location="Lyon")
        mail = self._mails_to(self.rep.partner_id).filtered(
            lambda m: "assigned to you" in m.subject
        )
        self.assertEqual(len(mail), 1)
        self.assertIn("Lyon", mail.body_html)
        self.assertFalse(event.crm_notify_assignee)

    def test_notify_contact_requires_location_and_contact(self):
        with self.assertRaisesRegex(ValidationError, "Location"):
            self._event(crm_notify_contact=True)
        with self.assertRaisesRegex(ValidationError, "Contact person"):
            self._event(crm_notify_contact=True, location="Lyon", crm_contact_id=False)

    def test_notify_contact_sends_and_unticks(self):
        event = self._event(location="Lyon")
        event.crm_notify_contact = True
        mail = self._mails_to(self.contact)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Appointment with Rep Events")
        self.assertIn("Lyon", mail.body_html)
        self.assertFalse(event.crm_notify_contact)

    def test_default_reminder_from_preferences(self):
        self.rep.crm_default_reminder_minutes = 20
        with freeze_time("2026-03-01 08:00:00"):
            event = (
                self.env["calendar.event"]
                .with_user(self.rep)
                .create(
                    {
                        "name": "Own meeting",
                        "start": datetime(2026, 3, 10, 9, 0),
                        "stop": datetime(2026, 3, 10, 10, 0),
                    }
                )
            )
        self.assertEqual(event.crm_reminder_ids.duration, 20)
        self.assertEqual(event.crm_reminder_ids.channel, "notification")
        with self.assertRaises(ValidationError):
            self.rep.crm_default_reminder_minutes = -1

    def test_user_sets_own_default_delay(self):
        self.rep.with_user(self.rep).write({"crm_default_reminder_minutes": 10})
        self.assertEqual(self.rep.crm_default_reminder_minutes, 10)


@tagged("post_install", "-at_install")
class TestTasksAndCalls(EventsCommon):
    def test_task_alert_default_one_day(self):
        with freeze_time("2026-03-01 08:00:00"):
            task = self._event(crm_event_kind="task", name="Send the offer")
            self.assertEqual(task.crm_task_alert, "1440")
            alert = task.crm_reminder_ids
            self.assertTrue(alert.is_task_alert)
            self.assertEqual(alert.reminder_time, datetime(2026, 3, 9, 9, 0))
            task.crm_task_alert = "30"
            self.assertEqual(
                task.crm_reminder_ids.reminder_time, datetime(2026, 3, 10, 8, 30)
            )
            task.crm_task_alert = "never"
            self.assertFalse(task.crm_reminder_ids)

    def test_task_alert_follows_a_moved_due_date(self):
        """The due date moves after the alert time has passed: the task gets its
        alert back, at the new due date's alert time (form and shortcuts)."""
        with freeze_time("2026-03-09 12:00:00"):
            # Due tomorrow 9:00, 1-day alert: its time (today 9:00) is past.
            task = self._event(crm_event_kind="task", partner_ids=[])
            task.partner_ids = self.rep.partner_id
            self.assertFalse(task.crm_reminder_ids)
            with Form(task.with_user(self.rep)) as form:
                form.start = datetime(2026, 3, 12, 9, 0)
            alert = task.crm_reminder_ids
            self.assertTrue(alert.is_task_alert)
            self.assertEqual(alert.state, "pending")
            self.assertEqual(alert.reminder_time, datetime(2026, 3, 11, 9, 0))
        with freeze_time("2026-03-11 09:00:00"):
            self.assertEqual(self.Reminder._cron_send_reminders(), 1)
        with freeze_time("2026-03-11 10:00:00"):
            # Sent, then the due date moves a week on: the alert comes back.
            task.with_user(self.rep).action_crm_due_week()
            self.assertEqual(task.crm_reminder_ids.state, "pending")
            self.assertEqual(
                task.crm_reminder_ids.reminder_time, datetime(2026, 3, 17, 9, 0)
            )
            # A done task moved later gets no new alert.
            done = self._event(crm_event_kind="task", name="Done task")
            done.action_crm_done()
            done.write(
                {"start": datetime(2026, 3, 20, 9), "stop": datetime(2026, 3, 20, 10)}
            )
            self.assertFalse(done.crm_reminder_ids)

    def test_due_shortcuts(self):
        with freeze_time("2026-03-02 07:00:00"):
            task = self._event(crm_event_kind="task", event_tz="Europe/Paris")
            task.action_crm_due_3_days()
            self.assertEqual(task.start, datetime(2026, 3, 5, 9, 0))
            self.assertEqual(task.stop, datetime(2026, 3, 5, 10, 0))
            task.action_crm_due_today()
            self.assertEqual(task.start.date(), date(2026, 3, 2))
            task.action_crm_due_week()
            self.assertEqual(task.start.date(), date(2026, 3, 9))

    def test_call_fields(self):
        with Form(self.env["calendar.event"]) as form:
            form.name = "Incoming call"
            form.crm_event_kind = "call"
            form.crm_call_direction = "in"
            form.crm_phone = "+33 1 23 45 67 89"
            form.crm_followup_date = date(2026, 3, 20)
            form.crm_priority = "2"
        self.assertEqual(form.record.crm_call_direction, "in")

    def test_vacation_reassignment(self):
        colleague = self.manager
        with freeze_time("2026-03-01 08:00:00"):
            in_range = self._event(name="In range") | self._event(
                name="Task in range", crm_event_kind="task"
            )
            out_of_range = self._event(
                name="After",
                start=datetime(2026, 4, 10, 9),
                stop=datetime(2026, 4, 10, 10),
            )
            done = self._event(name="Done")
            done.action_crm_done()
            wizard = self.env["crm.event.reassign"].create(
                {
                    "from_user_id": self.rep.id,
                    "to_user_id": colleague.id,
                    "date_from": date(2026, 3, 9),
                    "date_to": date(2026, 3, 15),
                }
            )
            self.assertEqual(wizard.event_ids, in_range)
            wizard.action_reassign()
        self.assertEqual(set(in_range.mapped("user_id")), {colleague})
        self.assertIn(colleague.partner_id, in_range[0].partner_ids)
        self.assertEqual(out_of_range.user_id, self.rep)
        self.assertEqual(done.user_id, self.rep)
        digest = self._mails_to_partner(colleague.partner_id)
        self.assertEqual(len(digest), 1)
        self.assertIn("Task in range", digest.body_html)

    def test_vacation_bad_input(self):
        wizard = self.env["crm.event.reassign"].create(
            {
                "from_user_id": self.rep.id,
                "to_user_id": self.rep.id,
                "date_from": date(2026, 3, 9),
                "date_to": date(2026, 3, 15),
            }
        )
        with self.assertRaises(UserError):
            wizard.action_reassign()
        wizard.write({"to_user_id": self.manager.id, "date_to": date(2026, 3, 1)})
        with self.assertRaises(UserError):
            wizard.action_reassign()

    def _mails_to_partner(self, partner):
        return self.env["mail.mail"].search(
            [("recipient_ids", "in", partner.ids), ("subject", "ilike", "assigned")]
        )
