# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import new_test_user, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestReminderLogAccess(EventsCommon):
    """*Reminders sent* as a colleague: other people's private events stay private."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env,
            login="events_colleague",
            name="Colleague Events",
            email="colleague@example.com",
            groups="sales_team.group_sale_salesman",
        )

    def _send(self, **values):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                crm_reminder_ids=[(0, 0, {"duration": 1, "duration_unit": "hours"})],
                **values,
            )
        with freeze_time("2026-03-10 08:05:00"):
            self.Reminder._cron_send_reminders()
        self.assertTrue(event.crm_reminder_log_ids)
        return event

    def _visible_logs(self, user):
        self.env.invalidate_all()  # a new request: nothing cached as superuser
        Log = self.env["crm.event.reminder.log"].with_user(user)
        return Log.search([]).read(["event_name", "event_id"])

    def test_private_event_lines_hidden_from_colleagues(self):
        private = self._send(name="Salary review", privacy="private")
        public = self._send(name="Demo at Azur", privacy="public")
        rows = self._visible_logs(self.colleague)
        events = [row["event_id"][0] for row in rows if row["event_id"]]
        self.assertNotIn(private.id, events)
        self.assertIn(public.id, events)
        self.assertNotIn("Salary review", str(rows))
        # The organizer still sees their own lines, with the subject.
        own = self._visible_logs(self.rep)
        self.assertIn("Salary review", [row["event_name"] for row in own])

    def test_subject_of_private_calendar_hidden(self):
        """An event without privacy of an organizer whose calendar is private."""
        self.rep.with_user(self.rep).calendar_default_privacy = "private"
        event = self._send(name="Doctor", privacy=False)
        self.assertFalse(event.privacy)
        self.assertEqual(event.with_user(self.colleague).display_name, "Busy")
        rows = [
            row
            for row in self._visible_logs(self.colleague)
            if row["event_id"] and row["event_id"][0] == event.id
        ]
        self.assertEqual([row["event_name"] for row in rows], ["Busy"])
        self.assertEqual(self._visible_logs(self.rep)[0]["event_name"], "Doctor")

    def test_other_company_lines_hidden(self):
        lead_b = self.env["crm.lead"].create(
            {"name": "Lead B", "company_id": self.company_b.id, "user_id": False}
        )
        event = self._send(name="Company B call", opportunity_id=lead_b.id)
        self.assertEqual(event.crm_reminder_log_ids.company_id, self.company_b)
        rows = self._visible_logs(self.colleague)
        self.assertNotIn("Company B call", str(rows))
        rows_b = self._visible_logs(self.rep_b)
        self.assertIn("Company B call", str(rows_b))
