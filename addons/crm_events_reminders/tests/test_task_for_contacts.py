# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import EventsCommon

ACTION = "crm_events_reminders.crm_event_task_create_action"


@tagged("post_install", "-at_install")
class TestTaskForContacts(EventsCommon):
    """ONLYOFFICE: select contacts, Action > Create a task, one task each."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_contact = cls.env["res.partner"].create(
            {"name": "Audrey Peterson", "parent_id": cls.customer.id}
        )
        cls.person = cls.env["res.partner"].create({"name": "Lonely Person"})

    def _bound_action(self, user):
        bindings = (
            self.env["ir.actions.actions"].with_user(user).get_bindings("res.partner")
        )
        action_id = self.env.ref(ACTION).id
        return [a for a in bindings.get("action", []) if a["id"] == action_id]

    def test_only_salespeople_see_the_action(self):
        self.assertTrue(self._bound_action(self.rep))
        employee = new_test_user(
            self.env, login="events_employee", groups="base.group_user"
        )
        self.assertFalse(self._bound_action(employee))

    def test_one_task_per_selected_contact(self):
        contacts = self.contact | self.other_contact | self.person
        action = self.env["ir.actions.actions"].with_user(self.rep)._for_xml_id(ACTION)
        wizard_model = (
            self.env[action["res_model"]]
            .with_user(self.rep)
            .with_context(active_model="res.partner", active_ids=contacts.ids)
        )
        with freeze_time("2026-03-05 07:00:00"):
            with Form(wizard_model) as wizard:
                # Tomorrow 9:00 in the salesperson's time zone (Paris, UTC+1).
                self.assertEqual(wizard.start, datetime(2026, 3, 6, 8, 0))
                wizard.name = "Send the new catalogue"
                wizard.priority = "2"
                wizard.category_id = self.env.ref(
                    "crm_events_reminders.crm_event_category_task_followup"
                )
            create = type(self.env["calendar.event"]).create
            calls = []

            def counting_create(model, vals_list):
                calls.append(len(vals_list))
                return create(model, vals_list)

            with patch.object(
                type(self.env["calendar.event"]), "create", counting_create
            ):
                result = wizard.record.action_create_tasks()
        self.assertEqual(calls, [3])  # one create for all of them
        tasks = self.env["calendar.event"].with_user(self.rep).search(result["domain"])
        self.assertEqual(tasks.mapped("crm_contact_id"), contacts)
        by_contact = {task.crm_contact_id: task for task in tasks}
        self.assertEqual(by_contact[self.contact].crm_partner_id, self.customer)
        self.assertEqual(by_contact[self.person].crm_partner_id, self.person)
        self.assertEqual(by_contact[self.person].crm_related_ref, self.person)
        for task in tasks:
            self.assertEqual(task.name, "Send the new catalogue")
            self.assertEqual(task.crm_event_kind, "task")
            self.assertEqual(task.crm_priority, "2")
            self.assertEqual(task.user_id, self.rep)
            # Internal work: the contact is not invited (Odoo would mail them).
            self.assertEqual(task.partner_ids, self.rep.partner_id)
            # The task alert (1 day before by default) is there.
            self.assertEqual(
                task.crm_reminder_ids.filtered("is_task_alert").reminder_time,
                datetime(2026, 3, 5, 8, 0),
            )
        # Each contact's Events tab shows its task.
        self.assertEqual(self.customer.crm_event_count, 2)

    def test_no_contact_refused(self):
        wizard = (
            self.env["crm.event.task.create"]
            .with_user(self.rep)
            .new({"name": "Nobody", "start": datetime(2026, 3, 6, 8, 0)})
        )
        with self.assertRaises(UserError):
            wizard.action_create_tasks()
