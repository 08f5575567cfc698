# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, TransactionCase, tagged


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
        form.save().action_apply()
        self.assertEqual(self.lead.type, "lead")
        self.assertEqual(self.lead.lead_status_id, self.converted)
        self.assertEqual(self.lead.partner_id.name, "Jeanne Martin")
