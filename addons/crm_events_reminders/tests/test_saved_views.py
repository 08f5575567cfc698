# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import EventsCommon
from .saved_views import search_menu


@tagged("post_install", "-at_install")
class TestSavedViews(EventsCommon):
    """Dynamics' saved views, each run through its menu's own action."""

    def _at(self, day, hour=9, **values):
        return self._event(
            start=datetime(2026, 3, day, hour),
            stop=datetime(2026, 3, day, hour + 1),
            **values,
        )

    def test_my_tasks_due_in_7_days_by_priority(self):
        with freeze_time("2026-03-05 08:00:00"):
            low_soon = self._at(6, crm_event_kind="task", name="Low", crm_priority="0")
            high_late = self._at(
                11, crm_event_kind="task", name="High", crm_priority="2"
            )
            high_soon = self._at(
                9, crm_event_kind="task", name="High soon", crm_priority="2"
            )
            normal = self._at(7, crm_event_kind="task", name="Normal")
            self._at(20, crm_event_kind="task", name="In two weeks")
            self._at(
                6, crm_event_kind="task", name="Colleague's", user_id=self.manager.id
            )
            self._at(6, name="A meeting")
            self._at(6, crm_event_kind="call", name="A call")
            self._at(6, crm_event_kind="task", name="Done").action_crm_done()
            tasks, action, filters = search_menu(
                self.env, "crm_events_reminders.crm_event_menu_my_tasks", self.rep
            )
        self.assertEqual(filters, ["crm_my_tasks_7_days"])
        self.assertEqual(action["name"], "My tasks")
        # Highest priority first, then the earliest due.
        self.assertEqual(tasks.ids, (high_soon | high_late | normal | low_soon).ids)

    def test_my_calls(self):
        with freeze_time("2026-03-05 08:00:00"):
            later = self._at(12, crm_event_kind="call", name="Call back")
            sooner = self._at(6, crm_event_kind="call", name="First call")
            self._at(6, crm_event_kind="call", name="Theirs", user_id=self.manager.id)
            self._at(7, crm_event_kind="call", name="Done").action_crm_done()
            self._at(6, crm_event_kind="task", name="A task")
            self._at(6, name="A meeting")
            calls, action, filters = search_menu(
                self.env, "crm_events_reminders.crm_event_menu_my_calls", self.rep
            )
        self.assertEqual(filters, ["crm_my_calls"])
        self.assertEqual(calls.ids, (sooner | later).ids)
        # "New" in the menu plans a call of the user.
        self.assertEqual(action["res_model"], "calendar.event")
        self.assertIn("'default_crm_event_kind': 'call'", action["context"])

    def test_my_appointments(self):
        with freeze_time("2026-03-05 08:00:00"):
            mine = self._at(10, name="Mine")
            invited = self._at(
                8,
                name="Invited",
                user_id=self.manager.id,
                partner_ids=[(6, 0, (self.manager | self.rep).partner_id.ids)],
            )
            self._at(
                6,
                name="Not invited",
                user_id=self.manager.id,
                partner_ids=[(6, 0, self.manager.partner_id.ids)],
            )
            self._at(7, name="Cancelled").action_crm_cancel()
            self._at(6, crm_event_kind="call", name="A call")
            appointments, __, filters = search_menu(
                self.env,
                "crm_events_reminders.crm_event_menu_my_appointments",
                self.rep,
            )
        self.assertEqual(filters, ["crm_my_appointments"])
        self.assertEqual(appointments.ids, (invited | mine).ids)
