# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from freezegun import freeze_time
from lxml import etree

from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestEventForm(EventsCommon):
    """What a salesperson sees and can save in the event form, per event type."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Showroom chairs",
                "type": "opportunity",
                "partner_id": cls.customer.id,  # a company, no person
                "user_id": cls.rep.id,
            }
        )

    def _new_event_form(self, record, kind):
        action = (
            record.with_user(self.rep)
            .with_context(crm_event_kind=kind)
            .action_crm_new_event()
        )
        Event = self.env["calendar.event"].with_user(self.rep)
        return Form(Event.with_context(**action["context"]))

    def test_task_and_call_from_a_company_opportunity_save(self):
        """The contact is the company itself, and not required unless the
        contact is notified by email."""
        for kind in ("task", "call"):
            form = self._new_event_form(self.opportunity, kind)
            self.assertEqual(form.crm_partner_id, self.customer)
            self.assertEqual(form.crm_contact_id, self.customer)
            self.assertTrue(form._get_modifier("crm_partner_id", "required"))
            form.crm_contact_id = self.env["res.partner"]
            self.assertFalse(form._get_modifier("crm_contact_id", "required"))
            form.crm_notify_contact = True
            self.assertTrue(form._get_modifier("crm_contact_id", "required"))
            form.crm_notify_contact = False
            form.crm_contact_id = self.customer
            form.name = f"Call back about the quote ({kind})"
            event = form.save()
            self.assertEqual(event.crm_event_kind, kind)
            self.assertEqual(event.crm_contact_id, self.customer)
            self.assertEqual(event.opportunity_id, self.opportunity)

    def test_company_contact_form_prefills_itself(self):
        form = self._new_event_form(self.customer, "task")
        self.assertEqual(form.crm_contact_id, self.customer)
        form.name = "Send the catalogue"
        self.assertEqual(form.save().crm_contact_id, self.customer)

    def _form_arch(self):
        views = (
            self.env["calendar.event"]
            .with_user(self.rep)
            .get_views([(False, "form")])["views"]
        )
        return etree.fromstring(views["form"]["arch"])

    @staticmethod
    def _visible(nodes, **values):
        return [
            node
            for node in nodes
            if not safe_eval(node.get("invisible", "False"), dict(values))
        ]

    def test_subject_and_video_call_by_event_type(self):
        arch = self._form_arch()
        title = arch.xpath("//div[hasclass('oe_title')]")[0]
        names = title.xpath(".//field[@name='name']")
        labels = title.xpath(".//label[@for='name']")
        video = arch.xpath("//div[@name='videocall_location_div']")[0]
        placeholders = {
            "meeting": "e.g. Business Lunch",
            "call": "e.g. Call back about the quote",
            "task": "e.g. Send the updated quote",
            "note": "e.g. Customer feedback on the demo",
        }
        for kind, placeholder in placeholders.items():
            values = {"crm_event_kind": kind, "videocall_location": False}
            shown = self._visible(names, **values)
            self.assertEqual(len(shown), 1, kind)
            self.assertEqual(shown[0].get("placeholder"), placeholder)
            (label,) = self._visible(labels, **values)
            self.assertEqual(
                label.get("string"), None if kind == "meeting" else "Subject"
            )
            self.assertEqual(bool(self._visible([video], **values)), kind == "meeting")
        # A task that has a video call keeps showing it.
        values = {"crm_event_kind": "task", "videocall_location": "https://x"}
        self.assertTrue(self._visible([video], **values))

    def test_related_to_and_lead_shown_once(self):
        event = self._event(crm_event_kind="call").with_user(self.rep)
        event.crm_related_ref = self.opportunity
        self.assertEqual(event.opportunity_id, self.opportunity)
        form = Form(event)
        self.assertTrue(form._get_modifier("opportunity_id", "invisible"))
        self.assertFalse(form._get_modifier("crm_related_ref", "invisible"))
        event.crm_related_ref = self.customer
        form = Form(event)
        self.assertFalse(form._get_modifier("opportunity_id", "invisible"))

    def test_overdue_planned_events_highlighted(self):
        call = self._event(crm_event_kind="call")  # 2026-03-10 09:00-10:00
        task = self._event(
            crm_event_kind="task",
            start=datetime(2026, 3, 12, 9, 0),
            stop=datetime(2026, 3, 12, 18, 0),
        )
        with freeze_time("2026-03-12 12:00:00"):
            (call | task).invalidate_recordset(["crm_is_overdue"])
            self.assertTrue(call.crm_is_overdue)
            self.assertTrue(task.crm_is_overdue)  # due at its start
            call.action_crm_done()
            self.assertFalse(call.crm_is_overdue)
        with freeze_time("2026-03-10 09:30:00"):
            task.invalidate_recordset(["crm_is_overdue"])
            self.assertFalse(task.crm_is_overdue)
        view = self.env.ref("crm_events_reminders.crm_event_view_list")
        views = (
            self.env["calendar.event"]
            .with_user(self.rep)
            .get_views([(view.id, "list")])["views"]
        )
        arch = etree.fromstring(views["list"]["arch"])
        self.assertEqual(arch.get("decoration-danger"), "crm_is_overdue")


@tagged("post_install", "-at_install")
class TestFollowupDate(EventsCommon):
    def _proposed_start(self, event):
        event.action_crm_done()
        action = event.with_user(self.rep).action_crm_followup()
        Wizard = self.env[action["res_model"]].with_user(self.rep)
        return Form(Wizard.with_context(**action["context"])).start

    @freeze_time("2026-03-13 12:00:00")
    def test_next_working_day_same_hour(self):
        """A call on Friday 10:00 (Paris) is followed up on Monday 10:00."""
        event = self._event(
            crm_event_kind="call",
            start=datetime(2026, 3, 13, 9, 0),
            stop=datetime(2026, 3, 13, 9, 30),
            event_tz="Europe/Paris",
        )
        self.assertEqual(self._proposed_start(event), datetime(2026, 3, 16, 9, 0))

    @freeze_time("2026-03-13 12:00:00")
    def test_follow_up_due_date_of_the_call(self):
        event = self._event(
            crm_event_kind="call",
            start=datetime(2026, 3, 13, 9, 0),
            stop=datetime(2026, 3, 13, 9, 30),
            event_tz="Europe/Paris",
            crm_followup_date="2026-03-20",
        )
        self.assertEqual(self._proposed_start(event), datetime(2026, 3, 20, 9, 0))

    @freeze_time("2026-03-13 12:00:00")
    def test_old_event_is_followed_up_after_today(self):
        event = self._event(event_tz="Europe/Paris")  # Tuesday 2026-03-10
        self.assertEqual(self._proposed_start(event), datetime(2026, 3, 16, 9, 0))
