# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""G4 with Email Marketing: the campaigns of the mailings a lead or a contact received
are in its Marketing campaigns tab, and found by the search."""

from odoo.tests import Form, tagged

from odoo.addons.mail.tests.common import MailCommon, mail_new_test_user


@tagged("post_install", "-at_install")
class TestMailingCampaigns(MailCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.config.settings"].create({"group_crm_campaign": True}).execute()
        cls.rep = mail_new_test_user(
            cls.env,
            login="mailing_campaign_rep",
            groups="sales_team.group_sale_salesman",
        )
        Campaign = cls.env["utm.campaign"]
        cls.newsletter, cls.webinar, cls.own = Campaign.create(
            [
                {"title": "Mailing Newsletter Campaign"},
                {"title": "Mailing Webinar Campaign"},
                {"title": "Mailing Own Campaign"},
            ]
        )
        Partner = cls.env["res.partner"]
        cls.company = Partner.create(
            {"name": "Mailing Co", "is_company": True, "user_id": cls.rep.id}
        )
        cls.contact = Partner.create(
            {
                "name": "Mailing Mia",
                "email": "mia@mailing.example.com",
                "parent_id": cls.company.id,
            }
        )
        cls.bystander = Partner.create(
            {"name": "Mailing Bystander", "user_id": cls.rep.id}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Mailing lead",
                "type": "lead",
                "email_from": "lead@mailing.example.com",
                "campaign_id": cls.own.id,
                "user_id": cls.rep.id,
            }
        )

    @classmethod
    def _mailing(cls, campaign, model):
        return cls.env["mailing.mailing"].create(
            {
                "name": campaign.title,
                "subject": campaign.title,
                "body_html": "<p>Hello</p>",
                "mailing_model_id": cls.env["ir.model"]._get_id(model),
                "mailing_type": "mail",
                "campaign_id": campaign.id,
            }
        )

    @classmethod
    def _trace(cls, mailing, record):
        """A mailing received, as mass_mailing's own tests record it."""
        return cls.env["mailing.trace"].create(
            {
                "mass_mailing_id": mailing.id,
                "model": record._name,
                "res_id": record.id,
                "trace_status": "sent",
            }
        )

    def test_contact_that_received_a_mailing_sees_its_campaign(self):
        """A contact sent a mailing of the newsletter campaign: the campaign is in
        its tab and in its company's, and the search finds them, for a salesperson
        who may not read mailing statistics."""
        self._trace(self._mailing(self.newsletter, "res.partner"), self.contact)
        Partner = self.env["res.partner"].with_user(self.rep)
        self.assertFalse(
            self.env["mailing.trace"].with_user(self.rep).has_access("read")
        )
        self.assertEqual(
            Form(Partner.browse(self.contact.id)).crm_campaign_ids.ids,
            self.newsletter.ids,
        )
        self.assertEqual(
            Form(Partner.browse(self.company.id)).crm_campaign_ids.ids,
            self.newsletter.ids,
        )
        self.assertFalse(Partner.browse(self.bystander.id).crm_campaign_ids)
        self.assertEqual(
            Partner.search([("crm_campaign_ids", "in", self.newsletter.ids)]),
            self.company | self.contact,
        )
        self.assertEqual(
            Partner.search([("crm_campaign_ids", "ilike", "Mailing Newsletter")]),
            self.company | self.contact,
        )
        mine = [("id", "in", (self.company | self.contact | self.bystander).ids)]
        self.assertEqual(
            Partner.search([*mine, ("crm_campaign_ids", "=", False)]), self.bystander
        )

    def test_lead_that_received_a_mailing_sees_its_campaign(self):
        """A lead sent a mailing of the webinar campaign, and its contact one of the
        newsletter: both are in the lead's tab, beside the lead's own campaign."""
        self._trace(self._mailing(self.webinar, "crm.lead"), self.lead)
        self._trace(self._mailing(self.newsletter, "res.partner"), self.contact)
        Lead = self.env["crm.lead"].with_user(self.rep)
        self.assertEqual(
            Form(Lead.browse(self.lead.id)).crm_campaign_ids.ids,
            (self.own | self.webinar).sorted("id").ids,
        )
        self.lead.partner_id = self.contact
        self.assertEqual(
            Form(Lead.browse(self.lead.id)).crm_campaign_ids.ids,
            (self.newsletter | self.own | self.webinar).sorted("id").ids,
        )
        for campaign in (self.newsletter, self.webinar, self.own):
            self.assertEqual(
                Lead.search([("crm_campaign_ids", "in", campaign.ids)]), self.lead
            )
        self.assertNotIn(
            self.lead, Lead.search([("crm_campaign_ids", "not in", self.webinar.ids)])
        )
        # the contact's tab has its lead's mailings too
        self.assertIn(self.webinar, self.contact.with_user(self.rep).crm_campaign_ids)

    def test_mailing_sent_by_email_marketing(self):
        """A mailing sent through Email Marketing's own Send: its campaign shows on
        the contact."""
        mailing = self._mailing(self.webinar, "res.partner")
        mailing.mailing_domain = repr([("id", "=", self.contact.id)])
        with self.mock_mail_gateway(mail_unlink_sent=False):
            mailing.action_send_mail()
        self.assertEqual(mailing.mailing_trace_ids.res_id, self.contact.id)
        self.assertEqual(
            self.contact.with_user(self.rep).crm_campaign_ids, self.webinar
        )
