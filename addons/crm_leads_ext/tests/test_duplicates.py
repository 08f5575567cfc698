# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from ..models.crm_duplicate import normalize_text, phone_key


@tagged("post_install", "-at_install")
class TestDuplicates(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Lead = cls.env["crm.lead"]
        cls.lead_a, cls.lead_b, cls.lead_c = Lead.create(
            [
                {
                    "name": "A",
                    "type": "lead",
                    "partner_name": "Société Générale  Dupont",
                    "email_from": "Jean <jean@dupont.example.org>",
                    "phone": "+33 6 11 22 33 44",
                },
                {
                    "name": "B",
                    "type": "lead",
                    "partner_name": "SOCIETE generale dupont",
                    "email_from": "JEAN@dupont.example.org",
                    "phone": "06.11.22.33.44",
                },
                {"name": "C", "type": "lead", "partner_name": "Other Co"},
            ]
        )

    def test_normalisation(self):
        self.assertEqual(normalize_text("  Société   GÉNÉRALE "), "societe generale")
        self.assertEqual(phone_key("+33 6 11 22 33 44"), phone_key("06 11 22 33 44"))
        self.assertFalse(phone_key("12"))

    def test_groups_on_chosen_values(self):
        ours = self.lead_a | self.lead_b | self.lead_c
        domain = [("id", "in", ours.ids)]
        Lead = self.env["crm.lead"]
        for keys in (["company"], ["email"], ["phone"], ["company", "phone"]):
            groups = Lead._crm_duplicate_groups(keys, domain=domain)
            self.assertEqual(len(groups), 1, keys)
            self.assertEqual(groups[0][1], self.lead_a | self.lead_b)
        self.assertFalse(Lead._crm_duplicate_groups(["name"], domain=domain))

    def test_wizard(self):
        check = self.env["crm.duplicate.check"].create(
            {"res_model": "crm.lead", "compare_email": False}
        )
        with self.assertRaises(UserError):
            check.action_check()
        check.compare_company = True
        check.action_check()
        group = check.group_ids.filtered(lambda g: self.lead_a in g.lead_ids)
        self.assertEqual(group.lead_ids, self.lead_a | self.lead_b)
        self.assertEqual(group.values, "societe generale dupont")
        action = group.action_merge()
        self.assertEqual(action["res_model"], "crm.merge.opportunity")

    def test_merge_keeps_the_chosen_original(self):
        merge = Form(
            self.env["crm.merge.opportunity"].with_context(
                active_model="crm.lead", active_ids=(self.lead_a | self.lead_b).ids
            )
        )
        merge.crm_original_id = self.lead_a
        merge.save().action_merge()
        self.assertTrue(self.lead_a.exists())
        self.assertFalse(self.lead_b.exists())

    def test_partner_duplicates_and_merge_wizard(self):
        Partner = self.env["res.partner"]
        one, two = Partner.create(
            [
                {"name": "Hélène Martin", "email": "helene@martin.example.org"},
                {"name": "helene  MARTIN", "phone": "+32 470 12 34 56"},
            ]
        )
        groups = Partner._crm_duplicate_groups(
            ["name"], domain=[("id", "in", (one | two).ids)]
        )
        self.assertEqual(groups[0][1], one | two)
        check = self.env["crm.duplicate.check"].create(
            {"res_model": "res.partner", "compare_name": True, "compare_email": False}
        )
        check.action_check()
        group = check.group_ids.filtered(lambda g: one in g.partner_ids)
        action = group.action_merge()
        self.assertEqual(action["res_model"], "base.partner.merge.automatic.wizard")
        wizard = (
            self.env[action["res_model"]].with_context(**action["context"]).create({})
        )
        self.assertEqual(wizard.partner_ids, one | two)

    def test_same_name_warning(self):
        self.env["res.partner"].create({"name": "Bourgeois Industrie"})
        new = self.env["res.partner"].new({"name": "BOURGEOIS  industrie"})
        result = new._onchange_name_crm_duplicate()
        self.assertIn("already a contact with this name", result["warning"]["message"])
        fresh = self.env["res.partner"].new({"name": "Nobody Like Me 4711"})
        self.assertFalse(fresh._onchange_name_crm_duplicate())

    def test_duplicate_count_for_a_list(self):
        leads = self.lead_a | self.lead_b | self.lead_c
        leads.invalidate_recordset()
        with self.assertQueryCount(10):
            counts = leads.mapped("crm_duplicate_count")
        self.assertEqual(counts, [1, 1, 0])

    def test_linked_contacts_by_email_domain(self):
        Partner = self.env["res.partner"]
        acme, colleague, _gmail = Partner.create(
            [
                {"name": "Acme", "email": "info@acme-links.example.org"},
                {"name": "Colleague", "email": "bob@acme-links.example.org"},
                {"name": "Private", "email": "someone@gmail.com"},
            ]
        )
        self.assertEqual(acme.crm_linked_partner_count, 1)
        action = acme.action_view_crm_linked_partners()
        self.assertEqual(Partner.search(action["domain"]), colleague)
        self.assertFalse(_gmail.crm_email_domain)

    def test_access_rules_apply(self):
        """The grouped scan reads through the user's record rules."""
        company_b = self.env["res.company"].create({"name": "Dup Company B"})
        hidden = self.env["crm.lead"].create(
            {
                "name": "Hidden",
                "type": "lead",
                "partner_name": "Other Co",
                "company_id": company_b.id,
            }
        )
        user = new_test_user(
            self.env,
            login="dup_user_a",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=self.env.company.id,
            company_ids=[(6, 0, self.env.company.ids)],
        )
        groups = (
            self.env["crm.lead"]
            .with_user(user)
            ._crm_duplicate_groups(
                ["company"], domain=[("name", "in", ["C", "Hidden"])]
            )
        )
        self.assertFalse(groups)
        groups = self.env["crm.lead"]._crm_duplicate_groups(
            ["company"], domain=[("id", "in", (self.lead_c | hidden).ids)]
        )
        self.assertEqual(groups[0][1], self.lead_c | hidden)
