# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestCampaign(EventsCommon):
    """Events linked to a marketing campaign (Axelor), from their lead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.start = fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        Campaign = cls.env["utm.campaign"]
        cls.fair = Campaign.create({"name": "Furniture fair 2026"})
        cls.mailing = Campaign.create({"name": "Spring mailing"})
        cls.lead.campaign_id = cls.fair

    def _plan(self, record, kind="call", **changes):
        action = (
            record.with_user(self.rep)
            .with_context(crm_event_kind=kind)
            .action_crm_new_event()
        )
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.name = "Campaign follow-up"
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
            for field, value in changes.items():
                setattr(form, field, value)
            campaign_shown = form.crm_campaign_id
        return form.record, campaign_shown

    def test_planned_from_a_lead_takes_its_campaign(self):
        event, shown = self._plan(self.lead)
        self.assertEqual(shown, self.fair, "shown in the form before saving")
        self.assertEqual(event.crm_campaign_id, self.fair)
        # The salesperson may change it.
        other, _shown = self._plan(self.lead, crm_campaign_id=self.mailing)
        self.assertEqual(other.crm_campaign_id, self.mailing)
        # A follow-up stays in the campaign.
        event.with_user(self.rep).action_crm_done()
        copy = event.copy()
        self.assertEqual(copy.crm_campaign_id, self.fair)

    def test_from_a_contact_none_unless_chosen(self):
        event, _shown = self._plan(self.contact)
        self.assertFalse(event.crm_campaign_id)
        chosen, _shown = self._plan(
            self.contact, kind="meeting", crm_campaign_id=self.mailing
        )
        self.assertEqual(chosen.crm_campaign_id, self.mailing)

    def test_search_and_group_by_campaign(self):
        in_fair, _shown = self._plan(self.lead)
        outside, _shown = self._plan(self.contact, kind="task")
        Event = self.env["calendar.event"].with_user(self.rep)
        found = Event.search([("crm_campaign_id", "ilike", "fair")])
        self.assertIn(in_fair, found)
        self.assertNotIn(outside, found)
        # The search view's group-by, as the list runs it.
        view = self.env.ref("crm_events_reminders.crm_event_view_search")
        self.assertIn("crm_groupby_campaign", view.arch)
        groups = Event.read_group(
            [("id", "in", (in_fair | outside).ids)],
            ["crm_campaign_id"],
            ["crm_campaign_id"],
        )
        counts = {
            g["crm_campaign_id"] and g["crm_campaign_id"][0]: g["crm_campaign_id_count"]
            for g in groups
        }
        self.assertEqual(counts, {self.fair.id: 1, False: 1})

    def test_odoo_meeting_button_of_a_lead_fills_it_too(self):
        opportunity = self.env["crm.lead"].create(
            {
                "name": "Chairs for the fair",
                "type": "opportunity",
                "partner_id": self.contact.id,
                "user_id": self.rep.id,
                "campaign_id": self.fair.id,
            }
        )
        action = opportunity.with_user(self.rep).action_schedule_meeting()
        Event = self.env["calendar.event"].with_user(self.rep)
        with Form(Event.with_context(**action["context"])) as form:
            form.name = "Demo"
            form.start = self.start
            form.stop = self.start + timedelta(hours=1)
        self.assertEqual(form.record.opportunity_id, opportunity)
        self.assertEqual(form.record.crm_campaign_id, self.fair)
