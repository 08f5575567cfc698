# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestListsUi(HttpCase):
    """The list actions of the salesperson, in the browser."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="tour_lists_rep",
            name="Tour Lists Rep",
            groups="sales_team.group_sale_salesman",
            tz="UTC",
        )

    def test_task_for_contacts(self):
        contacts = self.env["res.partner"].create(
            [{"name": "Tour Many A"}, {"name": "Tour Many B"}, {"name": "Tour Many C"}]
        )
        self.start_tour(
            "/odoo/action-contacts.action_contacts?view_type=list",
            "crm_events_reminders_task_for_contacts_tour",
            login=self.rep.login,
        )
        tasks = self.env["calendar.event"].search(
            [("crm_contact_id", "in", contacts.ids)]
        )
        self.assertEqual(tasks.crm_contact_id, contacts[:2])
        self.assertEqual(set(tasks.mapped("name")), {"Send the catalogue"})
        self.assertEqual(set(tasks.mapped("crm_event_kind")), {"task"})
        self.assertEqual(tasks.user_id, self.rep)

    def test_assign_tasks_to_a_team(self):
        colleague = new_test_user(
            self.env,
            login="tour_lists_colleague",
            name="Tour Colleague",
            email="colleague@example.com",
            groups="sales_team.group_sale_salesman",
        )
        team = self.env["crm.team"].create(
            {"name": "Tour Team", "member_ids": [(6, 0, (self.rep | colleague).ids)]}
        )
        start = datetime.combine(fields.Date.today() + timedelta(days=1), time(9, 0))
        tasks = (
            self.env["calendar.event"]
            .with_context(crm_events_no_default_reminder=True)
            .create(
                [
                    {
                        "name": name,
                        "crm_event_kind": "task",
                        "start": start,
                        "stop": start + timedelta(hours=1),
                        "user_id": self.rep.id,
                        "partner_ids": [(6, 0, self.rep.partner_id.ids)],
                    }
                    for name in ("Tour Task One", "Tour Task Two")
                ]
            )
        )
        self.start_tour(
            "/odoo/action-crm_events_reminders.crm_event_action_my_tasks",
            "crm_events_reminders_assign_team_tour",
            login=self.rep.login,
        )
        self.assertEqual(tasks.crm_team_id, team)
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", colleague.partner_id.ids)]
        )
        self.assertEqual(len(mail), 1)
