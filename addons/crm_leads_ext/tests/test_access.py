# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRestrictedAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "sales_team.group_sale_salesman_all_leads,crm.group_use_lead"
        cls.owner = new_test_user(cls.env, login="access_owner", groups=groups)
        cls.allowed = new_test_user(cls.env, login="access_allowed", groups=groups)
        cls.outsider = new_test_user(cls.env, login="access_outsider", groups=groups)
        cls.secret_partner = cls.env["res.partner"].create(
            {
                "name": "Secret Client",
                "email": "boss@secret-client.example.org",
                "crm_access": "private",
                "crm_allowed_user_ids": [(6, 0, cls.allowed.ids)],
            }
        )
        cls.secret_lead = cls.env["crm.lead"].create(
            {
                "name": "Secret deal",
                "type": "opportunity",
                "user_id": cls.owner.id,
                "partner_name": "Secret Client",
                "email_from": "boss@secret-client.example.org",
                "crm_access": "private",
                "crm_allowed_user_ids": [(6, 0, cls.allowed.ids)],
            }
        )

    def test_private_records_are_hidden_from_outsiders(self):
        Lead = self.env["crm.lead"].with_user(self.outsider)
        Partner = self.env["res.partner"].with_user(self.outsider)
        self.assertFalse(Lead.search([("id", "=", self.secret_lead.id)]))
        self.assertFalse(Partner.search([("id", "=", self.secret_partner.id)]))
        with self.assertRaises(AccessError):
            self.secret_lead.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.secret_partner.with_user(self.outsider).read(["name"])
        for user in (self.owner, self.allowed):
            self.assertEqual(
                self.env["crm.lead"]
                .with_user(user)
                .search([("id", "=", self.secret_lead.id)]),
                self.secret_lead,
            )
        self.secret_lead.with_user(self.allowed).name = "Secret deal (seen)"
        self.assertTrue(self.allowed.partner_id in self.secret_lead.message_partner_ids)

    def test_nothing_leaks_through_duplicates_conversion_or_matching(self):
        mine = self.env["crm.lead"].create(
            {
                "name": "My request",
                "type": "lead",
                "user_id": self.outsider.id,
                "partner_name": "Secret Client",
                "email_from": "boss@secret-client.example.org",
            }
        )
        Lead = self.env["crm.lead"].with_user(self.outsider)
        for keys in (["email"], ["company"]):
            groups = Lead._crm_duplicate_groups(keys)
            for _values, records in groups:
                self.assertNotIn(self.secret_lead, records)
        lead = mine.with_user(self.outsider)
        self.assertNotIn(self.secret_lead, lead.duplicate_lead_ids)
        self.assertNotIn(self.secret_partner, lead._find_matching_partner())
        wizard = Form(
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.outsider)
            .with_context(
                active_model="crm.lead", active_id=mine.id, active_ids=mine.ids
            )
        )
        self.assertNotIn(self.secret_lead, wizard.duplicated_lead_ids)
        partners = (
            self.env["crm.duplicate.check"]
            .with_user(self.outsider)
            .create({"res_model": "res.partner", "compare_name": True})
        )
        partners.action_check()
        self.assertNotIn(self.secret_partner, partners.group_ids.partner_ids)

    def test_public_read(self):
        self.secret_lead.crm_access = "public_read"
        lead = self.secret_lead.with_user(self.outsider)
        self.assertEqual(lead.name, "Secret deal")
        with self.assertRaises(AccessError):
            lead.name = "Changed"
        self.secret_lead.with_user(self.allowed).name = "Changed by allowed"
        self.secret_lead.crm_access = "public_write"
        lead.name = "Changed by anyone"
        self.assertEqual(self.secret_lead.name, "Changed by anyone")

    def test_whoever_restricts_stays_allowed(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.outsider)
            .create({"name": "Mine only", "type": "opportunity", "user_id": False})
        )
        lead.crm_access = "private"
        self.assertIn(self.outsider, lead.crm_allowed_user_ids)
        self.assertEqual(lead.name, "Mine only")
