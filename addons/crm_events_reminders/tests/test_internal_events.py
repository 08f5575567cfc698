# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestInternalEvents(EventsCommon):
    """Tasks, calls and notes are internal work: the customer is never invited;
    closing an event closes the 'Meeting' activity Odoo opened for it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        cls.meeting_type = cls.env.ref("mail.mail_activity_data_meeting")

    def _invitations(self, event, partner):
        """What Odoo's invitation path queued for ``partner`` about ``event``."""
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "calendar.event"),
                    ("res_id", "=", event.id),
                    ("partner_ids", "in", partner.ids),
                ]
            )
        )
        mails = (
            self.env["mail.mail"].sudo().search([("recipient_ids", "in", partner.ids)])
        )
        return messages | mails.mail_message_id

    def _create_from(self, record, kind, name, **changes):
        """Open 'Create a <kind>' of ``record`` as the salesperson and save the form."""
        action = (
            record.with_user(self.rep)
            .with_context(crm_event_kind=kind)
            .action_crm_new_event()
        )
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.name = name
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
            for field, value in changes.items():
                setattr(form, field, value)
        return form.record

    def test_task_from_contact_invites_nobody_outside(self):
        event = self._create_from(self.contact, "task", "Prepare the offer")
        self.assertEqual(event.crm_event_kind, "task")
        self.assertNotIn(self.contact, event.partner_ids)
        self.assertFalse(self._invitations(event, self.contact))
        # Odoo opened an activity on the contact, typed 'To-Do'; Done closes it.
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        activity = event.activity_ids
        self.assertEqual(activity.activity_type_id, todo_type)
        self.assertEqual(
            (activity.res_model, activity.res_id), ("res.partner", self.contact.id)
        )
        event.with_user(self.rep).action_crm_done()
        self.assertFalse(activity.exists() and activity.active)
        self.assertFalse(self.contact.activity_ids)
        done = self.contact.message_ids.filtered(
            lambda m: m.mail_activity_type_id == todo_type
        )
        self.assertEqual(len(done), 1, "marked done, kept in the contact's history")

    def test_call_and_note_from_lead_invite_nobody_outside(self):
        call = self._create_from(self.lead, "call", "Call about the chairs")
        note = self._create_from(self.lead, "note", "Visit report")
        for event in call | note:
            self.assertEqual(event.partner_ids, self.rep.partner_id)
            self.assertFalse(self._invitations(event, self.contact))
        self.assertEqual(call.opportunity_id, self.lead)

    def test_cancel_closes_the_activity_it_was_scheduled_from(self):
        """Odoo's 'Meeting' activity on a lead opens the event form (activity's
        calendar button); cancelling the event marks the activity done, noted."""
        activity = (
            self.env["mail.activity"]
            .with_user(self.rep)
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                    "res_id": self.lead.id,
                    "activity_type_id": self.meeting_type.id,
                    "summary": "Meet the buyer",
                    "user_id": self.rep.id,
                }
            )
        )
        action = activity.with_context(
            default_res_model="crm.lead", default_res_id=self.lead.id
        ).action_create_calendar_event()
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
            form.crm_event_kind = "call"
        event = form.record
        self.assertEqual(activity.calendar_event_id, event)
        # Planned as a call: the activity is now Odoo's 'Call'.
        call_type = self.env.ref("mail.mail_activity_data_call")
        self.assertEqual(activity.activity_type_id, call_type)
        event.with_user(self.rep).action_crm_cancel()
        self.assertFalse(self.lead.activity_ids)
        closed = self.lead.message_ids.filtered(
            lambda m: m.mail_activity_type_id == call_type
        )
        self.assertEqual(len(closed), 1)
        self.assertIn("The event was cancelled.", closed.body)

    def test_customer_kept_as_attendee_of_a_task_is_not_mailed(self):
        """An appointment turned into a task in the form, or a customer added to a
        note later: Odoo's invitation and date-change mails skip the customer."""
        task = self._create_from(
            self.lead, "meeting", "Was a meeting", crm_event_kind="task"
        )
        self.assertIn(self.contact, task.partner_ids)
        self.assertFalse(self._invitations(task, self.contact))
        note = self._create_from(self.lead, "note", "Note")
        note.with_user(self.rep).write(
            {"partner_ids": [fields.Command.link(self.customer.id)]}
        )
        note.with_user(self.rep).write({"start": self.start + timedelta(days=1)})
        self.assertFalse(self._invitations(note, self.customer))
        # A colleague invited to the task is still told, as Odoo does.
        task.with_user(self.rep).write(
            {"partner_ids": [fields.Command.link(self.manager.partner_id.id)]}
        )
        self.assertTrue(self._invitations(task, self.manager.partner_id))

    def test_meeting_still_invites_the_customer(self):
        """Odoo's own behaviour for meetings does not change."""
        meeting = self._create_from(self.lead, "meeting", "Demo")
        self.assertIn(self.contact, meeting.partner_ids)
        invitation = self._invitations(meeting, self.contact)
        self.assertEqual(invitation.subject, "Invitation to Demo")

    def test_explicit_notify_contact_on_a_task(self):
        task = self._create_from(
            self.contact, "task", "Deliver samples", location="Lyon"
        )
        task.with_user(self.rep).crm_notify_contact = True
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("recipient_ids", "in", self.contact.ids)])
        )
        self.assertEqual(mails.mapped("subject"), ["Appointment with Rep Events"])

    def test_reminder_for_everyone_of_a_call_stays_inside(self):
        call = self._event(
            crm_event_kind="call",
            start=self.start,
            stop=self.start + timedelta(hours=1),
            partner_ids=[
                fields.Command.set(
                    (self.rep.partner_id | self.manager.partner_id | self.contact).ids
                )
            ],
            crm_reminder_ids=[
                fields.Command.create({"duration": 5, "recipients": "all"})
            ],
        )
        recipients = call.crm_reminder_ids._crm_recipients()[call.crm_reminder_ids]
        self.assertEqual(recipients, self.rep.partner_id | self.manager.partner_id)

    def test_colleague_closes_the_event_and_its_activity(self):
        """The activity Odoo opened is the assignee's: a colleague who may mark the
        event done is not refused because of it."""
        customer = self.env["res.partner"].create(
            {"name": "Walk-in buyer", "parent_id": self.customer.id}
        )
        action = customer.with_user(self.manager).action_crm_new_event()
        Event = self.env["calendar.event"].with_user(self.manager)
        with Form(Event.with_context(**action["context"])) as form:
            form.name = "Visit"
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
        event = form.record
        self.assertEqual(event.activity_ids.user_id, self.manager)
        event.with_user(self.rep).action_crm_done()
        self.assertEqual(event.crm_state, "done")
        self.assertFalse(customer.activity_ids)

    def test_colleague_closes_an_event_of_a_lead_he_cannot_see(self):
        lead = self.env["crm.lead"].create(
            {"name": "Manager's lead", "user_id": self.manager.id}
        )
        activity = (
            self.env["mail.activity"]
            .with_user(self.manager)
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                    "res_id": lead.id,
                    "activity_type_id": self.meeting_type.id,
                    "user_id": self.manager.id,
                }
            )
        )
        action = activity.with_context(
            default_res_model="crm.lead", default_res_id=lead.id
        ).action_create_calendar_event()
        Event = self.env["calendar.event"].with_user(self.manager)
        with Form(Event.with_context(**action["context"])) as form:
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
        event = form.record
        self.assertFalse(lead.with_user(self.rep).has_access("read"))
        event.with_user(self.rep).action_crm_done()
        self.assertEqual(event.crm_state, "done")
        self.assertFalse(lead.activity_ids)
