# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""G4: Axelor's "Marketing campaign" tab: the campaigns (Odoo's UTM campaigns) a lead
or a contact took part in, behind a Settings switch, searchable."""

from lxml import etree

from odoo.tests import Form, HttpCase, TransactionCase, new_test_user, tagged

SALESPERSON = "sales_team.group_sale_salesman"
GROUP = "crm_leads_ext.group_crm_campaign"


class CampaignCase:
    @classmethod
    def _campaign_data(cls, prefix):
        """A company with a contact; the company's lead, the contact's lost
        (archived) opportunity and another customer's lead, each of a campaign."""
        Campaign = cls.env["utm.campaign"]
        cls.spring, cls.autumn, cls.other = Campaign.create(
            [
                {"title": f"{prefix} {name} Campaign"}
                for name in ("Spring", "Autumn", "Other")
            ]
        )
        Partner = cls.env["res.partner"]
        cls.company = Partner.create(
            {
                "name": f"{prefix} Campaign Co",
                "is_company": True,
                "user_id": cls.rep.id,
            }
        )
        cls.contact = Partner.create(
            {"name": f"{prefix} Carla", "parent_id": cls.company.id}
        )
        cls.other_co = Partner.create(
            {"name": f"{prefix} Other Co", "is_company": True, "user_id": cls.rep.id}
        )
        cls.lonely = Partner.create({"name": f"{prefix} Lonely", "user_id": cls.rep.id})
        Lead = cls.env["crm.lead"]
        cls.lead, cls.lost, cls.other_lead = Lead.create(
            [
                {
                    "name": f"{prefix} spring lead",
                    "type": "lead",
                    "partner_id": cls.company.id,
                    "campaign_id": cls.spring.id,
                    "user_id": cls.rep.id,
                },
                {
                    "name": f"{prefix} autumn deal",
                    "type": "opportunity",
                    "partner_id": cls.contact.id,
                    "campaign_id": cls.autumn.id,
                    "user_id": cls.rep.id,
                },
                {
                    "name": f"{prefix} other lead",
                    "type": "lead",
                    "partner_id": cls.other_co.id,
                    "campaign_id": cls.other.id,
                    "user_id": cls.rep.id,
                },
            ]
        )
        cls.lost.action_set_lost()
        cls.partners = cls.company | cls.contact | cls.other_co | cls.lonely


@tagged("post_install", "-at_install")
class TestCampaigns(CampaignCase, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # what the admin switches on in Settings
        cls.env["res.config.settings"].create({"group_crm_campaign": True}).execute()
        cls.rep = new_test_user(cls.env, login="campaign_rep", groups=SALESPERSON)
        cls._campaign_data("Test")

    def test_switched_on_in_settings(self):
        """Off until an admin switches it on: no tab, no search field."""
        self.assertTrue(self.rep.has_group(GROUP))
        self.env["res.config.settings"].create({"group_crm_campaign": False}).execute()
        self.assertFalse(self.rep.has_group(GROUP))
        for model in ("crm.lead", "res.partner"):
            Model = self.env[model].with_user(self.rep)
            form = etree.fromstring(Model.get_view(False, "form")["arch"])
            self.assertFalse(form.xpath("//page[@name='crm_campaigns']"), model)
            search = etree.fromstring(Model.get_view(False, "search")["arch"])
            self.assertFalse(search.xpath("//field[@name='crm_campaign_ids']"), model)

    def test_contact_form_shows_the_campaigns_of_its_leads(self):
        """A company sums its contacts' leads, lost ones included; a contact its
        own; another customer's campaign is not theirs."""
        Partner = self.env["res.partner"].with_user(self.rep)
        company = Form(Partner.browse(self.company.id))
        self.assertEqual(
            company.crm_campaign_ids.ids, (self.spring | self.autumn).sorted("id").ids
        )
        self.assertEqual(
            Form(Partner.browse(self.contact.id)).crm_campaign_ids.ids, self.autumn.ids
        )
        self.assertEqual(
            Form(Partner.browse(self.other_co.id)).crm_campaign_ids.ids, self.other.ids
        )
        self.assertFalse(Form(Partner.browse(self.lonely.id)).crm_campaign_ids)

    def test_lead_form_shows_its_campaign(self):
        Lead = self.env["crm.lead"].with_user(self.rep)
        self.assertEqual(
            Form(Lead.browse(self.lead.id)).crm_campaign_ids.ids, self.spring.ids
        )
        with Form(Lead) as form:
            form.name = "Test new lead"
            form.campaign_id = self.other
            self.assertEqual(form.crm_campaign_ids.ids, self.other.ids)

    def test_search_contacts_by_campaign(self):
        """The search view's field finds the contacts (and their companies) by the
        campaign picked or by its name; and the ones without campaign."""
        Partner = self.env["res.partner"].with_user(self.rep)
        search = etree.fromstring(Partner.get_view(False, "search")["arch"])
        [field] = search.xpath("//field[@name='crm_campaign_ids']")
        fname = field.get("name")
        self.assertEqual(
            Partner.search([(fname, "in", self.autumn.ids)]),
            self.company | self.contact,
        )
        self.assertEqual(
            Partner.search([(fname, "ilike", "Test Spring Camp")]), self.company
        )
        mine = [("id", "in", self.partners.ids)]
        self.assertEqual(
            Partner.search([*mine, (fname, "not in", self.autumn.ids)]),
            self.other_co | self.lonely,
        )
        self.assertEqual(Partner.search([*mine, (fname, "=", False)]), self.lonely)
        self.assertEqual(
            Partner.search([*mine, (fname, "!=", False)]),
            self.company | self.contact | self.other_co,
        )

    def test_search_leads_by_campaign(self):
        Lead = self.env["crm.lead"].with_user(self.rep)
        for view in (
            "crm.view_crm_case_leads_filter",
            "crm.view_crm_case_opportunities_filter",
        ):
            search = etree.fromstring(
                Lead.get_view(self.env.ref(view).id, "search")["arch"]
            )
            self.assertTrue(search.xpath("//field[@name='crm_campaign_ids']"), view)
        self.assertEqual(
            Lead.search([("crm_campaign_ids", "ilike", "Test Spring")]), self.lead
        )
        self.assertEqual(
            Lead.with_context(active_test=False).search(
                [("crm_campaign_ids", "in", self.autumn.ids)]
            ),
            self.lost,
        )
        mine = [("id", "in", (self.lead | self.other_lead).ids)]
        self.assertEqual(
            Lead.search([*mine, ("crm_campaign_ids", "not in", self.spring.ids)]),
            self.other_lead,
        )

    def test_leads_the_user_may_not_read_are_not_counted(self):
        """Like Odoo's opportunity count: another salesperson's lead is not shown to
        a salesperson of their own documents, nor found by the search."""
        colleague = new_test_user(
            self.env, login="campaign_colleague", groups=SALESPERSON
        )
        hidden = self.env["utm.campaign"].create({"title": "Test Hidden Campaign"})
        self.env["crm.lead"].create(
            {
                "name": "Test colleague's lead",
                "partner_id": self.company.id,
                "campaign_id": hidden.id,
                "user_id": colleague.id,
            }
        )
        Partner = self.env["res.partner"].with_user(self.rep)
        self.assertNotIn(hidden, Partner.browse(self.company.id).crm_campaign_ids)
        self.assertFalse(Partner.search([("crm_campaign_ids", "in", hidden.ids)]))
        self.assertIn(hidden, self.company.crm_campaign_ids)

    def test_without_crm_rights(self):
        """An employee without CRM rights reads contacts: no campaign, no error."""
        employee = new_test_user(
            self.env, login="campaign_employee", groups="base.group_user"
        )
        Partner = self.env["res.partner"].with_user(employee)
        self.assertFalse(Partner.browse(self.company.id).crm_campaign_ids)
        self.assertFalse(Partner.search([("crm_campaign_ids", "in", self.spring.ids)]))

    def test_set_based(self):
        """The same number of queries for one contact or for many (caches of
        rights warmed up first; the contacts' tree is as deep)."""
        Partner = self.env["res.partner"].with_user(self.rep)
        Lead = self.env["crm.lead"].with_user(self.rep)

        def queries(records):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            records.mapped("crm_campaign_ids.title")
            return self.env.cr.sql_log_count - before

        queries(Partner.browse(self.partners.ids))
        queries(Lead.browse(self.lead.id))
        one = queries(Partner.browse(self.company.id))
        many = Partner.browse((self.company | self.other_co | self.lonely).ids)
        self.assertEqual(queries(many), one)
        one = queries(Lead.browse(self.lead.id))
        self.assertEqual(queries(Lead.browse((self.lead | self.other_lead).ids)), one)


@tagged("post_install", "-at_install")
class TestCampaignTour(CampaignCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.config.settings"].create({"group_crm_campaign": True}).execute()
        cls.rep = new_test_user(
            cls.env,
            login="tour_campaign_rep",
            name="Tour Campaign Rep",
            groups=SALESPERSON,
        )
        cls._campaign_data("Tour")

    def test_campaign_tour(self):
        """A salesperson opens their customer, sees the campaigns of its leads in
        the Marketing campaigns tab and opens one."""
        self.start_tour("/odoo", "crm_leads_campaign_tour", login=self.rep.login)
