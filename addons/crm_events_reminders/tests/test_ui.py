# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """Each tour logs in as the least-privileged user of its flow (readme): the
    settings are a settings administrator's, events a salesperson's (own
    documents) working on their own leads and events."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="tour_events_rep",
            name="Tour Rep",
            groups="sales_team.group_sale_salesman",
            tz="UTC",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Tour Contact", "parent_id": cls.customer.id}
        )

    def _next_tuesday(self):
        today = fields.Date.today()
        day = today + timedelta(days=(1 - today.weekday()) % 7 or 7)
        return datetime.combine(day, datetime.min.time()).replace(hour=9)

    def _event(self):
        start = self._next_tuesday()
        return (
            self.env["calendar.event"]
            .with_context(crm_events_no_default_reminder=True)
            .create(
                {
                    "name": "Tour meeting",
                    "start": start,
                    "stop": start + timedelta(hours=1),
                    "crm_partner_id": self.customer.id,
                    "crm_contact_id": self.contact.id,
                    "event_tz": "UTC",
                    "user_id": self.rep.id,
                    "partner_ids": [(6, 0, self.rep.partner_id.ids)],
                }
            )
        )

    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to a settings
        administrator who is a sales administrator."""
        new_test_user(
            self.env,
            login="tour_events_settings",
            groups="base.group_system,sales_team.group_sale_manager",
        )
        self.start_tour(
            "/odoo", "crm_events_reminders_settings_tour", login="tour_events_settings"
        )

    def test_meeting_from_lead(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour lead",
                "type": "lead",
                "partner_id": self.contact.id,
                "user_id": self.rep.id,
            }
        )
        self.start_tour(
            f"/odoo/crm.lead/{lead.id}",
            "crm_events_reminders_meeting_tour",
            login=self.rep.login,
        )
        event = lead.calendar_event_ids
        self.assertEqual(event.name, "Demo at the customer")
        self.assertEqual(event.user_id, self.rep)
        self.assertEqual(event.crm_partner_id, self.customer)
        self.assertEqual(event.crm_contact_id, self.contact)
        self.assertEqual(
            event.crm_category_id,
            self.env.ref("crm_events_reminders.crm_event_category_meeting_training"),
        )
        self.assertEqual(sorted(event.crm_reminder_ids.mapped("duration")), [30, 120])

    def test_followup(self):
        event = self._event()
        self.start_tour(
            f"/odoo/calendar.event/{event.id}",
            "crm_events_reminders_followup_tour",
            login=self.rep.login,
        )
        self.assertEqual(event.crm_state, "not_held")
        self.assertEqual(event.crm_close_reason, "The customer did not come")
        followup = self.env["calendar.event"].search([("name", "=", "Second visit")])
        self.assertEqual(followup.crm_state, "planned")
        self.assertEqual(followup.user_id, self.rep)
        self.assertEqual(followup.location, "Lyon")
        self.assertEqual(followup.crm_partner_id, self.customer)

    def test_recurrence_assistant(self):
        event = self._event()
        self.start_tour(
            f"/odoo/calendar.event/{event.id}",
            "crm_events_reminders_recurrence_tour",
            login=self.rep.login,
        )
        self.assertEqual(len(event.recurrence_id.calendar_event_ids), 5)
        self.assertEqual(event.location, "Nantes")

    def test_default_reminder_through_the_form(self):
        """The web client sends the (empty) reminder lines of a new event: the
        salesperson's default reminder must still be there after saving."""
        rep = self.rep
        rep.crm_default_reminder_minutes = 20
        self.start_tour(
            "/odoo/action-crm_events_reminders.crm_event_action",
            "crm_events_reminders_default_reminder_tour",
            login=rep.login,
        )
        event = self.env["calendar.event"].search([("name", "=", "Customer visit")])
        self.assertEqual(event.user_id, rep)
        self.assertEqual(event.crm_reminder_ids.mapped("duration"), [20])
        self.assertEqual(event.crm_reminder_ids.channel, "notification")
        self.assertEqual(event.crm_reminder_ids.recipients, "me")
