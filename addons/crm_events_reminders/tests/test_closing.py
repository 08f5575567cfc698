# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestClosing(EventsCommon):
    """Cancel with a reason, Not held (vtiger "non tenu"), reopening rule."""

    def _rep_event(self, **values):
        values.setdefault("partner_ids", [(6, 0, self.rep.partner_id.ids)])
        return self._event(**values).with_user(self.rep)

    def _close_through_button(self, events, reason, outcome=None):
        """The form's button (or the list action) opens the wizard: fill it."""
        if outcome:
            events = events.with_context(crm_close_outcome=outcome)
        action = events.action_crm_open_cancel()
        self.assertEqual(action["res_model"], "crm.event.cancel")
        wizard_model = self.env[action["res_model"]].with_user(self.rep)
        with Form(wizard_model.with_context(**action["context"])) as wizard:
            if reason is not None:
                wizard.reason = reason
        return wizard.record.action_confirm()

    def test_cancel_asks_a_reason(self):
        event = self._rep_event(
            crm_reminder_ids=[(0, 0, {"duration": 10, "channel": "email"})]
        )
        self.env.cr.precommit.run()  # end of the creating transaction
        action = event.action_crm_open_cancel()
        wizard_model = self.env[action["res_model"]].with_user(self.rep)
        form = Form(wizard_model.with_context(**action["context"]))
        self.assertEqual(form.outcome, "cancelled")
        with self.assertRaises(AssertionError):  # the reason is required
            form.save()
        with freeze_time("2026-03-08 10:00:00"):
            self._close_through_button(event, "Customer postponed")
        self.assertEqual(event.crm_state, "cancelled")
        self.assertEqual(event.crm_close_reason, "Customer postponed")
        self.assertEqual(str(event.crm_closed_date), "2026-03-08 10:00:00")
        self.assertEqual(event.crm_reminder_ids.state, "skipped")
        self.env.cr.precommit.run()
        tracked = event.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "crm_close_reason"
        )
        self.assertEqual(tracked.new_value_char, "Customer postponed")

    def test_blank_reason_refused(self):
        event = self._rep_event()
        wizard = (
            self.env["crm.event.cancel"]
            .with_user(self.rep)
            .create({"event_ids": [(6, 0, event.ids)], "reason": "   "})
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(event.crm_state, "planned")

    def test_not_held_then_follow_up(self):
        event = self._rep_event()
        self._close_through_button(event, "Nobody came", outcome="not_held")
        self.assertEqual(event.crm_state, "not_held")
        self.assertEqual(event.crm_close_reason, "Nobody came")
        # A not-held event is followed up like a done or cancelled one.
        action = event.action_crm_followup()
        with Form(
            self.env["crm.event.followup"]
            .with_user(self.rep)
            .with_context(**action["context"])
        ) as followup:
            followup.name = "Second try"
        new = followup.record.action_create_followup()
        copy = self.env["calendar.event"].browse(new["res_id"])
        self.assertEqual(copy.crm_state, "planned")
        self.assertFalse(copy.crm_close_reason)

    def test_meeting_activity_closed_with_the_reason(self):
        event = self._rep_event(res_model="crm.lead", res_id=self.lead.id)
        activity = self.lead.activity_schedule(
            "mail.mail_activity_data_meeting",
            user_id=self.rep.id,
            calendar_event_id=event.id,
        )
        self._close_through_button(event, "Nobody came", outcome="not_held")
        # Odoo posts the done activity on the lead, with our feedback.
        self.assertFalse(activity.exists().filtered("active"))
        message = self.lead.message_ids.filtered("mail_activity_type_id")[:1]
        self.assertIn("The event did not take place. Nobody came", str(message.body))

    def test_bulk_from_the_list(self):
        first, second, done = (
            self._rep_event(name="First")
            | self._rep_event(name="Second")
            | self._rep_event(name="Third")
        )
        done.action_crm_done()
        server_action = self.env.ref(
            "crm_events_reminders.crm_event_server_action_cancel"
        ).with_user(self.rep)
        action = server_action.with_context(
            active_model="calendar.event", active_ids=(first | second | done).ids
        ).run()
        with Form(
            self.env[action["res_model"]]
            .with_user(self.rep)
            .with_context(**action["context"])
        ) as wizard:
            wizard.outcome = "not_held"
            wizard.reason = "Snow storm"
        wizard.record.action_confirm()
        self.assertEqual(
            (first | second | done).mapped("crm_state"),
            ["not_held", "not_held", "done"],
        )
        self.assertFalse(done.crm_close_reason)
        # All closed already: refused, not silent.
        wizard = (
            self.env["crm.event.cancel"]
            .with_user(self.rep)
            .create({"event_ids": [(6, 0, done.ids)], "reason": "Again"})
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_reopen_rule(self):
        """Dynamics never reopens; in Odoo, sales administrators may correct a
        mistake (the reason goes, the chatter keeps it), salespeople may not."""
        event = self._rep_event()
        self._close_through_button(event, "Wrong customer", outcome="not_held")
        with self.assertRaises(UserError):
            event.action_crm_reopen()
        with self.assertRaises(UserError):
            event.write({"crm_state": "planned"})
        view = (
            self.env["calendar.event"].with_user(self.rep).get_views([(False, "form")])
        )
        self.assertNotIn("action_crm_reopen", view["views"]["form"]["arch"])
        event.with_user(self.manager).action_crm_reopen()
        self.assertEqual(event.crm_state, "planned")
        self.assertFalse(event.crm_close_reason)
        self.assertFalse(event.crm_closed_date)
