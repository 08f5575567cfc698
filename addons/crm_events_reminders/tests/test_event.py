# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestEventCategories(EventsCommon):
    def test_default_categories(self):
        """Default categories exist for each process type, meetings included."""
        Category = self.env["crm.event.category"]
        meetings = Category.search([("kind", "=", "meeting")])
        self.assertGreaterEqual(len(meetings), 5)
        self.assertIn("TRAINING", meetings.mapped("code"))
        self.assertEqual(
            set(Category.search([]).mapped("kind")),
            {"event", "note", "call", "meeting", "task", "absence"},
        )

    def test_code_unique_per_company(self):
        Category = self.env["crm.event.category"]
        Category.create(
            {"name": "Salon A", "code": "SAL", "company_id": self.company_a.id}
        )
        # The same code in another company is fine.
        Category.create(
            {"name": "Salon B", "code": "SAL", "company_id": self.company_b.id}
        )
        with self.assertRaises(ValidationError):
            Category.create(
                {"name": "Salon A2", "code": "SAL", "company_id": self.company_a.id}
            )
        # A shared category clashes with every company.
        with self.assertRaises(ValidationError):
            Category.create({"name": "Salon shared", "code": "SAL"})
        # Two records of one batch clash too.
        with self.assertRaises(ValidationError):
            Category.create(
                [
                    {"name": "X1", "code": "DUP", "company_id": self.company_a.id},
                    {"name": "X2", "code": "DUP", "company_id": self.company_a.id},
                ]
            )

    def test_category_multi_company(self):
        """A user sees the shared categories and those of their companies only."""
        Category = self.env["crm.event.category"]
        cat_b = Category.create(
            {"name": "Only B", "code": "ONLYB", "company_id": self.company_b.id}
        )
        visible_rep = Category.with_user(self.rep).search([])
        self.assertNotIn(cat_b, visible_rep)
        self.assertIn(
            self.env.ref("crm_events_reminders.crm_event_category_meeting_training"),
            visible_rep,
        )
        self.assertIn(cat_b, Category.with_user(self.rep_b).search([]))

    @users("events_rep")
    def test_plain_user_cannot_edit_categories(self):
        with self.assertRaises(AccessError):
            self.env["crm.event.category"].create({"name": "Mine", "code": "MINE"})


@tagged("post_install", "-at_install")
class TestEventStatus(EventsCommon):
    def test_done_and_cancel_tracked(self):
        event = self._event()
        self.env.cr.precommit.run()  # end of the creating transaction
        self.assertEqual(event.crm_state, "planned")
        event.action_crm_done()
        self.assertEqual(event.crm_state, "done")
        self.assertTrue(event.crm_closed_date)
        self.env.cr.precommit.run()
        tracked = event.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "crm_state"
        )
        self.assertEqual(tracked.new_value_char, "Done")
        # Closing again does nothing: history stays.
        event.action_crm_cancel()
        self.assertEqual(event.crm_state, "done")
        self.assertTrue(event.exists())

    def test_plain_user_cannot_reopen(self):
        event = self._event(partner_ids=[(6, 0, [self.rep.partner_id.id])])
        event.action_crm_cancel()
        with self.assertRaises(UserError):
            event.with_user(self.rep).action_crm_reopen()
        with self.assertRaises(UserError):
            event.with_user(self.rep).write({"crm_state": "planned"})
        event.with_user(self.manager).action_crm_reopen()
        self.assertEqual(event.crm_state, "planned")

    def test_bulk_mark_done_and_cancelled(self):
        events = self._event() | self._event(name="Second") | self._event(name="Third")
        action = self.env.ref("crm_events_reminders.crm_event_server_action_done")
        action.with_context(
            active_model="calendar.event", active_ids=events[:2].ids
        ).run()
        self.assertEqual(events.mapped("crm_state"), ["done", "done", "planned"])
        cancel = self.env.ref("crm_events_reminders.crm_event_server_action_cancel")
        wizard_action = cancel.with_context(
            active_model="calendar.event", active_ids=events.ids
        ).run()
        with Form(
            self.env[wizard_action["res_model"]].with_context(
                **wizard_action["context"]
            )
        ) as wizard:
            wizard.reason = "Trade fair cancelled"
        wizard.record.action_confirm()
        self.assertEqual(events.mapped("crm_state"), ["done", "done", "cancelled"])
        self.assertEqual(events[2].crm_close_reason, "Trade fair cancelled")
        self.assertFalse(events[0].crm_close_reason)

    def test_cancel_skips_pending_reminders(self):
        event = self._event(
            crm_reminder_ids=[(0, 0, {"duration": 10, "channel": "email"})]
        )
        event.action_crm_cancel()
        self.assertEqual(event.crm_reminder_ids.state, "skipped")


@tagged("post_install", "-at_install")
class TestEventsFromRecords(EventsCommon):
    def test_lead_tab_prefills_customer_contact_assignee(self):
        """A lead (not only an opportunity) creates typed events, prefilled."""
        action = self.lead.with_context(crm_event_kind="call").action_crm_new_event()
        self.assertTrue(action["context"]["crm_events_require_customer"])
        with Form(self.env["calendar.event"].with_context(**action["context"])) as form:
            self.assertEqual(form.crm_event_kind, "call")
            self.assertEqual(form.crm_partner_id, self.customer)
            self.assertEqual(form.crm_contact_id, self.contact)
            self.assertEqual(form.user_id, self.rep)
            form.user_id = self.manager  # changeable
            form.crm_category_id = self.env.ref(
                "crm_events_reminders.crm_event_category_call_customer"
            )
        event = form.record
        self.assertEqual(event.opportunity_id, self.lead)
        self.assertEqual(event.user_id, self.manager)
        self.assertEqual(event.crm_related_ref, self.lead)
        self.assertEqual(self.lead.crm_event_count, 1)
        self.assertIn(event, self.lead.calendar_event_ids)

    def test_customer_required_from_record(self):
        action = self.lead.action_crm_new_event()
        ctx = dict(action["context"], default_crm_partner_id=False)
        form = Form(self.env["calendar.event"].with_context(**ctx))
        form.name = "No customer"
        with self.assertRaises(AssertionError):
            form.save()

    def test_partner_events(self):
        action = self.contact.with_context(crm_event_kind="task").action_crm_new_event()
        ctx = action["context"]
        self.assertEqual(ctx["default_crm_partner_id"], self.customer.id)
        self.assertEqual(ctx["default_crm_contact_id"], self.contact.id)
        with Form(self.env["calendar.event"].with_context(**ctx)) as form:
            form.name = "Send the catalogue"
        self.assertEqual(form.record.crm_event_kind, "task")
        self.assertEqual(self.customer.crm_event_count, 1)
        self.assertEqual(self.contact.crm_event_count, 1)
        listing = self.customer.action_crm_events()
        self.assertEqual(
            self.env["calendar.event"].search(listing["domain"]), form.record
        )

    def test_related_to_any_record(self):
        other = self._event(name="Previous meeting")
        event = self._event()
        event.crm_related_ref = other
        self.assertEqual(event.res_model, "calendar.event")
        self.assertEqual(event.res_id, other.id)
        event.crm_related_ref = self.customer
        self.assertEqual(event.res_model, "res.partner")
        event.crm_related_ref = self.lead
        self.assertEqual(event.opportunity_id, self.lead)
        event.crm_related_ref = False
        self.assertFalse(event.res_model)


@tagged("post_install", "-at_install")
class TestReminderAccess(EventsCommon):
    def test_reminders_of_private_events_hidden(self):
        """Reminder lines follow the privacy of their event."""
        private = self._event(
            user_id=self.manager.id,
            privacy="private",
            partner_ids=[(6, 0, [self.manager.partner_id.id])],
            crm_reminder_ids=[(0, 0, {"duration": 5})],
        )
        public = self._event(
            user_id=self.manager.id,
            privacy="public",
            crm_reminder_ids=[(0, 0, {"duration": 5})],
        )
        Reminder = self.env["crm.event.reminder"].with_user(self.rep)
        visible = Reminder.search([("event_id", "in", (private | public).ids)])
        self.assertEqual(visible, public.crm_reminder_ids)
        manager_view = (
            self.env["crm.event.reminder"]
            .with_user(self.manager)
            .search([("event_id", "in", (private | public).ids)])
        )
        self.assertEqual(manager_view, (private | public).crm_reminder_ids)


@tagged("post_install", "-at_install")
class TestReminderLifecycle(EventsCommon):
    def test_archive_and_reopen(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(crm_reminder_ids=[(0, 0, {"duration": 5})])
            reminder = event.crm_reminder_ids
            event.active = False
            self.assertEqual(reminder.state, "skipped")
            event.active = True
            self.assertEqual(reminder.state, "pending")
            event.action_crm_cancel()
            self.assertEqual(reminder.state, "skipped")
            event.with_user(self.manager).action_crm_reopen()
            self.assertEqual(reminder.state, "pending")
        with freeze_time("2026-03-10 08:56:00"):
            event.action_crm_cancel()
            self.assertEqual(self.env["crm.event.reminder"]._cron_send_reminders(), 0)

    @freeze_time("2026-03-01 08:00:00")
    def test_users_cannot_forge_reminder_status(self):
        event = self._event(
            partner_ids=[(6, 0, [self.rep.partner_id.id])],
            crm_reminder_ids=[(0, 0, {"duration": 5})],
        )
        reminder = event.crm_reminder_ids.with_user(self.rep)
        with self.assertRaises(AccessError):
            reminder.write({"state": "sent"})
        forged = (
            self.env["crm.event.reminder"]
            .with_user(self.rep)
            .create({"event_id": event.id, "duration": 1, "state": "sent"})
        )
        self.assertEqual(forged.state, "pending")
        # Closing the event as that user still skips its reminders.
        event.with_user(self.rep).action_crm_cancel()
        self.assertEqual(set(event.crm_reminder_ids.mapped("state")), {"skipped"})
