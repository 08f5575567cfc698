# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import EventsCommon
from .saved_views import search_menu

ASSIGN = "crm_events_reminders.crm_event_assign_action"


@tagged("post_install", "-at_install")
class TestTeams(EventsCommon):
    """Dynamics: tasks assigned to a team, seen and notified by its members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep2 = new_test_user(
            cls.env,
            login="events_rep2",
            name="Rep Two",
            email="rep2@example.com",
            groups="sales_team.group_sale_salesman",
            lang="en_US",
        )
        cls.outsider = new_test_user(
            cls.env,
            login="events_outsider",
            name="Outsider",
            email="outsider@example.com",
            groups="sales_team.group_sale_salesman",
        )
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Events Team",
                "user_id": cls.manager.id,
                "member_ids": [(6, 0, (cls.rep | cls.rep2).ids)],
            }
        )
        cls.other_team = cls.env["crm.team"].create(
            {"name": "Other Team", "member_ids": [(6, 0, cls.outsider.ids)]}
        )

    def _task(self, day, **values):
        return self._event(
            crm_event_kind="task",
            start=datetime(2026, 3, day, 9),
            stop=datetime(2026, 3, day, 10),
            **values,
        )

    def test_my_team_tasks(self):
        with freeze_time("2026-03-05 08:00:00"):
            urgent = self._task(
                9,
                name="Urgent",
                crm_team_id=self.team.id,
                crm_priority="2",
                user_id=self.rep2.id,
            )
            normal = self._task(
                6, name="Normal", crm_team_id=self.team.id, user_id=self.manager.id
            )
            self._task(6, name="Other team's", crm_team_id=self.other_team.id)
            self._task(6, name="No team")
            self._task(6, name="Done", crm_team_id=self.team.id).action_crm_done()
            self._event(name="Team meeting", crm_team_id=self.team.id)
            for user in (self.rep, self.manager):  # a member, the leader
                tasks, __, filters = search_menu(
                    self.env, "crm_events_reminders.crm_event_menu_my_team_tasks", user
                )
                self.assertEqual(filters, ["crm_my_team_tasks"])
                self.assertEqual(tasks.ids, (urgent | normal).ids, user.name)
            tasks, __, __ = search_menu(
                self.env,
                "crm_events_reminders.crm_event_menu_my_team_tasks",
                self.outsider,
            )
            self.assertEqual(tasks.mapped("name"), ["Other team's"])

    def _assign(self, events, **values):
        action = self.env["ir.actions.actions"].with_user(self.rep)._for_xml_id(ASSIGN)
        wizard_model = (
            self.env[action["res_model"]]
            .with_user(self.rep)
            .with_context(active_model="calendar.event", active_ids=events.ids)
        )
        with Form(wizard_model) as wizard:
            for name, value in values.items():
                setattr(wizard, name, value)
        return wizard.record.action_assign()

    def _mails_to(self, partner):
        return self.env["mail.mail"].search([("recipient_ids", "in", partner.ids)])

    def test_bulk_assign_to_a_team_notifies_it(self):
        bindings = (
            self.env["ir.actions.actions"]
            .with_user(self.rep)
            .get_bindings("calendar.event")["action"]
        )
        self.assertIn(self.env.ref(ASSIGN).id, [a["id"] for a in bindings])
        tasks = self._task(10, name="First") | self._task(11, name="Second")
        self._assign(tasks, team_id=self.team)
        self.assertEqual(tasks.crm_team_id, self.team)
        self.assertEqual(tasks.user_id, self.rep)  # the owner stays
        # The members and the leader are told, the one who assigned is not.
        for partner in (self.rep2 | self.manager).partner_id:
            mail = self._mails_to(partner)
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.subject, "2 events assigned to Events Team")
            self.assertIn("First", mail.body_html)
            self.assertIn("Second", mail.body_html)
        self.assertFalse(self._mails_to(self.rep.partner_id))
        self.assertFalse(self._mails_to(self.outsider.partner_id))
        # ...and they see the tasks in My team's tasks.
        with freeze_time("2026-03-05 08:00:00"):
            seen, __, __ = search_menu(
                self.env, "crm_events_reminders.crm_event_menu_my_team_tasks", self.rep2
            )
        self.assertEqual(seen, tasks)

    def test_bulk_assign_to_a_user(self):
        tasks = self._task(10, name="First") | self._task(11, name="Second")
        self._assign(tasks, user_id=self.rep2, notify=True)
        self.assertEqual(tasks.user_id, self.rep2)
        for task in tasks:
            self.assertIn(self.rep2.partner_id, task.partner_ids)
        self.assertEqual(len(self._mails_to(self.rep2.partner_id)), 1)
        self.assertFalse(tasks.crm_team_id)

    def test_nobody_to_assign_to(self):
        task = self._task(10)
        wizard = (
            self.env["crm.event.assign"]
            .with_user(self.rep)
            .create({"event_ids": [(6, 0, task.ids)]})
        )
        with self.assertRaises(UserError):
            wizard.action_assign()
