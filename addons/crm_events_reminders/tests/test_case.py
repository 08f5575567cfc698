# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestCase(EventsCommon):
    """Cases (ONLYOFFICE's "Actions") used by a salesperson of own documents."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.colleague = new_test_user(
            cls.env,
            login="case_colleague",
            name="Case Colleague",
            email="colleague@example.com",
            groups="sales_team.group_sale_salesman",
        )
        cls.outsider = new_test_user(
            cls.env,
            login="case_outsider",
            name="Case Outsider",
            groups="sales_team.group_sale_salesman",
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Gemini Furniture", "is_company": True}
        )
        cls.tag = cls.env["crm.tag"].create({"name": "Seminar"})
        # The admin switches cases on (Settings > CRM > Cases).
        cls.env["res.config.settings"].create({"group_crm_case": True}).execute()
        cls.Case = cls.env["crm.case"].with_user(cls.rep)

    def _case(self, **values):
        return self.Case.create(
            dict(
                {
                    "name": "Spring seminar",
                    "partner_ids": [(6, 0, (self.customer | self.contact).ids)],
                },
                **values,
            )
        )

    def _new_event_form(self, action):
        self.assertEqual(action["res_model"], "calendar.event")
        Event = self.env["calendar.event"].with_user(self.rep)
        return Form(Event.with_context(**action["context"]))

    def test_create_case_with_participants(self):
        form = Form(self.Case)
        form.name = "Spring seminar"
        form.partner_ids.add(self.customer)
        form.partner_ids.add(self.contact)
        form.partner_ids.add(self.other_customer)
        form.tag_ids.add(self.tag)
        case = form.save()
        self.assertRecordValues(
            case,
            [
                {
                    "state": "open",
                    "user_id": self.rep.id,
                    "company_id": self.company_a.id,
                    "restrict_access": False,
                }
            ],
        )
        self.assertEqual(
            case.partner_ids, self.customer | self.contact | self.other_customer
        )
        self.assertEqual(case.tag_ids, self.tag)
        self.assertEqual(case.partner_count, 3)
        # every salesperson sees a case whose access is not limited
        self.assertEqual(
            self.env["crm.case"]
            .with_user(self.outsider)
            .search([("id", "=", case.id)]),
            case,
        )

    def test_plan_event_and_task(self):
        """Events and tasks planned from the case are linked to it and prefilled
        with its participants: invited to a meeting, shown on an internal task."""
        case = self._case()
        form = self._new_event_form(case.action_crm_new_event())
        self.assertEqual(form.crm_case_id, case)
        self.assertEqual(form.crm_event_kind, "meeting")
        self.assertEqual(
            set(form.partner_ids.ids),
            set((self.rep.partner_id | self.customer | self.contact).ids),
        )
        # one customer among the participants: it is the event's customer
        self.assertEqual(form.crm_partner_id, self.customer)
        form.start = datetime(2026, 3, 10, 9, 0)
        form.stop = datetime(2026, 3, 10, 12, 0)
        event = form.save()

        form = self._new_event_form(case.action_crm_new_task())
        self.assertEqual(form.crm_event_kind, "task")
        self.assertEqual(form.crm_case_id, case)
        # a task is internal work: the customers are not invited (no mail to them)
        self.assertEqual(form.partner_ids[:], self.rep.partner_id)
        self.assertEqual(form.crm_case_partner_ids[:], self.customer | self.contact)
        form.name = "Book the room"
        task = form.save()

        self.assertEqual(case.event_ids, event | task)
        self.assertEqual((case.event_count, case.task_count), (1, 1))
        # the smart buttons list them, and create more in the case
        action = case.action_crm_events()
        self.assertEqual(self.env["calendar.event"].search(action["domain"]), event)
        self.assertEqual(action["context"]["default_crm_case_id"], case.id)
        action = case.action_crm_tasks()
        self.assertEqual(self.env["calendar.event"].search(action["domain"]), task)
        self.assertEqual(action["context"]["default_crm_event_kind"], "task")

    def test_plan_with_several_customers(self):
        """Participants of several companies: no customer is required or guessed."""
        case = self._case(
            partner_ids=[(6, 0, (self.contact | self.other_customer).ids)]
        )
        action = case.action_crm_new_event()
        self.assertNotIn("crm_events_require_customer", action["context"])
        form = self._new_event_form(action)
        self.assertFalse(form.crm_partner_id)
        form.start = datetime(2026, 3, 10, 9, 0)
        form.stop = datetime(2026, 3, 10, 12, 0)
        self.assertEqual(form.save().crm_case_id, case)

    def test_close_and_reopen(self):
        case = self._case()
        self.env.cr.precommit.run()  # end of the creating transaction
        with freeze_time("2026-03-20 17:00:00"):
            case.action_close()
        self.assertRecordValues(
            case,
            [
                {
                    "state": "closed",
                    "closed_by_id": self.rep.id,
                    "closed_date": datetime(2026, 3, 20, 17, 0),
                }
            ],
        )
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = case.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(tracked.mapped("new_value_char"), ["Closed"])
        with self.assertRaises(UserError):
            case.action_crm_new_event()
        case.action_reopen()
        self.assertRecordValues(
            case, [{"state": "open", "closed_by_id": False, "closed_date": False}]
        )

    def test_restricted_access(self):
        """A limited case: the responsible, the allowed users (followers, notified)
        and the sales administrators see it; other salespeople do not."""
        form = Form(self.Case)
        form.name = "Key accounts dinner"
        form.partner_ids.add(self.customer)
        form.restrict_access = True
        form.allowed_user_ids.add(self.colleague)
        case = form.save()
        # whoever limits the access stays allowed (no lock-out)
        self.assertEqual(case.allowed_user_ids, self.rep | self.colleague)
        Case = self.env["crm.case"]
        self.assertFalse(Case.with_user(self.outsider).search([("id", "=", case.id)]))
        with self.assertRaises(AccessError):
            case.with_user(self.outsider).read(["name"])
        self.assertEqual(
            Case.with_user(self.colleague).search([("id", "=", case.id)]), case
        )
        case.with_user(self.colleague).name = "Key accounts dinner (Paris)"
        self.assertEqual(
            Case.with_user(self.manager).search([("id", "=", case.id)]), case
        )
        # the colleague follows the case and was notified; the author was not
        self.assertIn(self.colleague.partner_id, case.message_partner_ids)
        notified = self.env["mail.notification"].search(
            [
                ("mail_message_id.model", "=", "crm.case"),
                ("mail_message_id.res_id", "=", case.id),
            ]
        )
        self.assertEqual(notified.res_partner_id, self.colleague.partner_id)

        # allowing the outsider later gives access and notifies only them
        case.allowed_user_ids = [(4, self.outsider.id)]
        self.assertEqual(
            Case.with_user(self.outsider).search([("id", "=", case.id)]), case
        )
        notified = self.env["mail.notification"].search(
            [
                ("mail_message_id.model", "=", "crm.case"),
                ("mail_message_id.res_id", "=", case.id),
            ]
        )
        self.assertEqual(
            notified.res_partner_id,
            self.colleague.partner_id | self.outsider.partner_id,
        )
        # opening the case to all again
        case.restrict_access = False
        self.assertTrue(Case.with_user(self.outsider).search([("id", "=", case.id)]))

    def test_multi_company(self):
        """A case is a document of one company: others' users do not see it."""
        case = self._case()
        self.assertEqual(case.company_id, self.company_a)
        self.assertFalse(
            self.env["crm.case"].with_user(self.rep_b).search([("id", "=", case.id)])
        )
        case_b = (
            self.env["crm.case"]
            .with_user(self.rep_b)
            .create({"name": "Salon B", "partner_ids": [(6, 0, self.customer.ids)]})
        )
        self.assertEqual(case_b.company_id, self.company_b)
        self.assertFalse(self.Case.search([("id", "=", case_b.id)]))
        # the manager of both companies sees both once both are selected
        Manager = self.env["crm.case"].with_user(self.manager)
        both = Manager.with_context(
            allowed_company_ids=[self.company_a.id, self.company_b.id]
        )
        self.assertEqual(
            both.search([("id", "in", (case | case_b).ids)]), case | case_b
        )

    def test_properties_defined_by_the_team(self):
        """The manual's custom fields: the team's administrators define them,
        salespeople fill them in."""
        team = self.env["crm.team"].create(
            {
                "name": "Seminars",
                "member_ids": [(6, 0, self.rep.ids)],
                "crm_case_properties_definition": [
                    {"name": "venue", "string": "Venue", "type": "char"}
                ],
            }
        )
        case = self._case(team_id=team.id)
        case.case_properties = {"venue": "Lyon"}
        self.assertEqual(case.case_properties, {"venue": "Lyon"})


@tagged("post_install", "-at_install")
class TestCaseSwitch(EventsCommon):
    def test_switch_off_by_default(self):
        """Installing the module shows no Cases menu until the switch is on."""
        menu = self.env.ref("crm_events_reminders.crm_case_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertNotIn(menu.id, Menu.with_user(self.rep)._visible_menu_ids())
        self.assertFalse(self.env["res.config.settings"].create({}).group_crm_case)
        Event = self.env["calendar.event"].with_user(self.rep)
        self.assertNotIn("crm_case_id", Event.get_view(view_type="form")["arch"])
        self.env["res.config.settings"].create({"group_crm_case": True}).execute()
        self.assertTrue(self.rep.has_group("crm_events_reminders.group_crm_case"))
        self.env.registry.clear_cache()
        self.assertIn(menu.id, Menu.with_user(self.rep)._visible_menu_ids())
        self.assertIn("crm_case_id", Event.get_view(view_type="form")["arch"])
        # employees outside sales (calendar users) are not given the cases
        employee = new_test_user(
            self.env, login="case_employee", groups="base.group_user"
        )
        self.assertTrue(employee.has_group("base.group_user"))
        self.assertFalse(employee.has_group("crm_events_reminders.group_crm_case"))
        form = Event.with_user(employee).get_view(view_type="form")["arch"]
        self.assertNotIn("crm_case_id", form)
