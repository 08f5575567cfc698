# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestConvert(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Website request",
                "type": "lead",
                "partner_name": "Acme Bakeries",
                "contact_name": "Jeanne Martin",
                "email_from": "jeanne@acme-bakeries.example.com",
            }
        )
        cls.converted = cls.env.ref("crm_leads_ext.lead_status_converted")
        # the conversion into a company and a contact, switched on in Settings
        cls.env.ref("base.group_user").implied_ids |= cls.env.ref(
            "crm_leads_ext.group_crm_convert_company_contact"
        )

    def _wizard(self):
        return Form(
            self.env["crm.lead2opportunity.partner"].with_context(
                active_model="crm.lead",
                active_id=self.lead.id,
                active_ids=self.lead.ids,
            )
        )

    def test_new_company_and_new_contact(self):
        form = self._wizard()
        self.assertEqual(form.crm_company_action, "create")
        self.assertEqual(form.crm_contact_action, "create")
        form.save().action_apply()
        contact = self.lead.partner_id
        self.assertEqual(contact.name, "Jeanne Martin")
        self.assertEqual(contact.parent_id.name, "Acme Bakeries")
        self.assertTrue(contact.parent_id.is_company)
        self.assertEqual(self.lead.type, "opportunity")
        self.assertEqual(self.lead.lead_status_id, self.converted)

    def test_new_company_and_existing_contact(self):
        contact = self.env["res.partner"].create({"name": "Known contact"})
        form = self._wizard()
        form.crm_contact_action = "exist"
        form.crm_contact_id = contact
        form.save().action_apply()
        self.assertEqual(self.lead.partner_id, contact)
        self.assertEqual(contact.parent_id.name, "Acme Bakeries")
        self.assertEqual(self.lead.type, "opportunity")

    def test_existing_company_no_contact(self):
        company = self.env["res.partner"].create({"name": "Acme", "is_company": True})
        form = self._wizard()
        form.crm_company_action = "exist"
        form.crm_company_id = company
        form.crm_contact_action = "none"
        form.save().action_apply()
        self.assertEqual(self.lead.partner_id, company)

    def test_no_opportunity(self):
        form = self._wizard()
        form.crm_generate_opportunity = False
        action = form.save().action_apply()
        # opened from the lead's form: the dialog closes and the form reloads in
        # place, no second breadcrumb pushed onto the lead
        self.assertEqual(action, {"type": "ir.actions.act_window_close"})
        self.assertEqual(self.lead.type, "lead")
        self.assertEqual(self.lead.lead_status_id, self.converted)
        self.assertEqual(self.lead.partner_id.name, "Jeanne Martin")

    def test_no_opportunity_in_closed_leads_green(self):
        """Converted without an opportunity, the lead is in *Closed leads* and green
        like the converted ones; a lost lead stays red."""
        form = self._wizard()
        form.crm_generate_opportunity = False
        form.save().action_apply()
        lost = self.env["crm.lead"].create({"name": "Lost one", "type": "lead"})
        lost.action_set_lost()
        action = self.env.ref("crm_leads_ext.crm_lead_action_closed_leads")
        Lead = self.env["crm.lead"].with_context(**safe_eval(action.context))
        closed = Lead.search(safe_eval(action.domain))
        self.assertIn(self.lead, closed)
        self.assertIn(lost, closed)
        arch = etree.fromstring(Lead.get_view(action.view_id.id, "list")["arch"])
        [listview] = arch.xpath("//list")
        green, red = (
            listview.get("decoration-success"),
            listview.get("decoration-danger"),
        )
        fnames = [f.get("name") for f in arch.xpath("//field")]
        for lead, colour in ((self.lead, green), (lost, red)):
            values = lead.read(fnames)[0]
            values = {k: v[0] if isinstance(v, tuple) else v for k, v in values.items()}
            self.assertTrue(safe_eval(colour, values), lead.name)
        values = self.lead.read(fnames)[0]
        self.assertFalse(safe_eval(red, values))

    def test_select_a_company_requires_one(self):
        wizard = self._wizard()
        wizard.crm_company_action = "exist"
        # the form refuses to save without it
        with self.assertRaises(AssertionError):
            wizard.save()


@tagged("post_install", "-at_install")
class TestMassConvert(TransactionCase):
    """Odoo's mass conversion (Leads → select → Action → Convert to opportunities)
    inherits the single-lead wizard: each lead keeps finding or creating its own
    customer, and takes the Converted status."""

    def test_mass_convert_each_lead_its_customer(self):
        salesman = new_test_user(
            self.env,
            login="mass_convert_salesman",
            groups="sales_team.group_sale_salesman_all_leads,crm.group_use_lead",
        )
        known = self.env["res.partner"].create(
            {"name": "Known Buyer", "email": "known@buyer.example.com"}
        )
        Lead = self.env["crm.lead"].with_user(salesman)
        leads = Lead.create(
            [
                {
                    "name": "Request A",
                    "type": "lead",
                    "contact_name": "Alice Arnaud",
                    "email_from": "alice@a.example.com",
                },
                {
                    "name": "Request B",
                    "type": "lead",
                    "contact_name": "Bruno Blanc",
                    "email_from": "bruno@b.example.com",
                },
                {
                    "name": "Request C",
                    "type": "lead",
                    "email_from": "known@buyer.example.com",
                },
            ]
        )
        form = Form(
            self.env["crm.lead2opportunity.partner.mass"]
            .with_user(salesman)
            .with_context(
                active_model="crm.lead", active_ids=leads.ids, active_id=leads[0].id
            )
        )
        form.deduplicate = False
        form.save().action_mass_convert()
        self.assertEqual(set(leads.mapped("type")), {"opportunity"})
        self.assertEqual(len(leads.partner_id), 3)
        self.assertEqual(leads[0].partner_id.email, "alice@a.example.com")
        self.assertEqual(leads[1].partner_id.email, "bruno@b.example.com")
        self.assertEqual(leads[2].partner_id, known)
        self.assertEqual(
            set(leads.mapped("lead_status_id")),
            {self.env.ref("crm_leads_ext.lead_status_converted")},
        )
