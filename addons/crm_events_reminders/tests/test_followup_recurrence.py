# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestFollowup(EventsCommon):
    def test_followup_copies_with_new_date_and_name(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                crm_event_kind="call",
                crm_reminder_ids=[(0, 0, {"duration": 15})],
            )
            event.action_crm_cancel()  # did not take place
            action = event.action_crm_followup()
            form = Form(self.env[action["res_model"]].with_context(**action["context"]))
            self.assertEqual(form.name, "Meeting")
            form.name = "Meeting (again)"
            form.start = datetime(2026, 3, 17, 14, 0)
            result = form.save().action_create_followup()
        followup = self.env["calendar.event"].browse(result["res_id"])
        self.assertEqual(followup.name, "Meeting (again)")
        self.assertEqual(followup.start, datetime(2026, 3, 17, 14, 0))
        self.assertEqual(followup.stop, datetime(2026, 3, 17, 15, 0))
        self.assertEqual(followup.crm_state, "planned")
        self.assertEqual(followup.crm_event_kind, "call")
        self.assertEqual(followup.crm_partner_id, self.customer)
        self.assertEqual(followup.crm_reminder_ids.state, "pending")
        self.assertEqual(event.crm_state, "cancelled")

    def test_no_followup_of_planned_event(self):
        event = self._event()
        wizard = self.env["crm.event.followup"].create(
            {"event_id": event.id, "name": "x", "start": datetime(2026, 4, 1)}
        )
        with self.assertRaises(UserError):
            wizard.action_create_followup()


@tagged("post_install", "-at_install")
class TestRecurrenceAssistant(EventsCommon):
    def _wizard(self, event, **values):
        action = event.action_crm_recurrence_wizard()
        form = Form(self.env[action["res_model"]].with_context(**action["context"]))
        for name, value in values.items():
            setattr(form, name, value)
        return form

    def test_summary_english_and_french(self):
        event = self._event()  # a Tuesday
        form = self._wizard(event, rrule_type="weekly", count=5)
        form.tue = False
        form.mon = True
        self.assertEqual(form.summary, "Every week on Monday, 5 times")
        form.interval = 2
        form.wed = True
        self.assertEqual(form.summary, "Every 2 weeks on Monday, Wednesday, 5 times")
        self.env["res.lang"]._activate_lang("fr_FR")
        wizard = form.save().with_context(lang="fr_FR")
        wizard.interval = 1
        wizard.wed = False
        self.assertEqual(wizard.summary, "Chaque semaine le lundi, 5 fois")
        monthly = self._wizard(event, rrule_type="monthly", end_type="end_date")
        monthly.until = date(2026, 12, 31)
        self.assertEqual(monthly.summary, "Every month on day 10, until 12/31/2026")

    def test_apply_builds_odoo_recurrence(self):
        event = self._event()
        form = self._wizard(event, rrule_type="weekly", count=5)
        result = form.save().action_apply()
        # The dialog closes onto the event's form: no second breadcrumb.
        self.assertEqual(result, {"type": "ir.actions.act_window_close"})
        recurrence = event.recurrence_id
        self.assertTrue(recurrence)
        self.assertEqual(len(recurrence.calendar_event_ids), 5)
        self.assertTrue(recurrence.tue)
        self.assertEqual(event.crm_recurrence_summary, "Every week on Tuesday, 5 times")
        self.assertEqual(recurrence.crm_summary, "Every week on Tuesday, 5 times")

    def test_bad_input_refused_before_creation(self):
        event = self._event()
        cases = [
            ({"interval": 0}, "interval"),
            ({"count": 0}, "at least 1"),
            ({"tue": False}, "weekday"),
            ({"end_type": "end_date", "until": date(2026, 3, 1)}, "before the start"),
            (
                {
                    "rrule_type": "daily",
                    "end_type": "end_date",
                    "until": date(2029, 1, 1),
                },
                "more than 720",
            ),
            ({"count": 721}, "at most 720"),
        ]
        for values, message in cases:
            wizard = self._wizard(event, rrule_type="weekly").save()
            wizard.write(values)
            with self.assertRaisesRegex(UserError, message):
                wizard.action_apply()
            self.assertFalse(event.recurrence_id)

    def test_weekly_five_years(self):
        """A weekly 5-year series, created through Odoo's recurrence, in bulk."""
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(crm_reminder_ids=[(0, 0, {"duration": 15})])
            wizard = self._wizard(event, rrule_type="weekly", end_type="end_date")
            wizard.until = date(2031, 3, 9)
            wizard = wizard.save()
            self.env.flush_all()
            before = self.cr.sql_log_count
            wizard.action_apply()
            self.env.flush_all()
            queries = self.cr.sql_log_count - before
        events = event.recurrence_id.calendar_event_ids
        self.assertEqual(len(events), 261)
        self.assertEqual(len(events.crm_reminder_ids), 261)
        self.assertLessEqual(queries, 200, f"{queries} queries")
