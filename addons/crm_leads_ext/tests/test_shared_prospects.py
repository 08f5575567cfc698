# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install", "multi_company")
class TestSharedProspects(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Company = cls.env["res.company"]
        cls.company_a = cls.env.company
        cls.company_b = Company.create({"name": "Prospects B"})
        cls.company_c = Company.create({"name": "Prospects C"})
        cls.user_b = new_test_user(
            cls.env,
            login="prospects_user_b",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        Partner = cls.env["res.partner"]
        cls.kept = Partner.create({"name": "Kept in A", "company_id": cls.company_a.id})
        cls.shared = Partner.create(
            {
                "name": "Shared with B",
                "company_id": cls.company_a.id,
                "crm_shared_company_ids": [(6, 0, cls.company_b.ids)],
            }
        )
        cls.shared_c = Partner.create(
            {
                "name": "Shared with C",
                "company_id": cls.company_a.id,
                "crm_shared_company_ids": [(6, 0, cls.company_c.ids)],
            }
        )

    def test_user_of_b_sees_only_what_is_shared_with_b(self):
        ids = (self.kept | self.shared | self.shared_c).ids
        visible = (
            self.env["res.partner"].with_user(self.user_b).search([("id", "in", ids)])
        )
        self.assertEqual(visible, self.shared)

    def test_shared_prospect_usable_on_records_of_b(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.user_b)
            .create({"name": "B's deal", "partner_id": self.shared.id})
        )
        self.assertEqual(lead.company_id, self.company_b)
        self.assertEqual(lead.partner_id, self.shared)
        domain = self.env["res.partner"]._check_company_domain(self.company_b)
        usable = self.env["res.partner"].search(
            domain + [("id", "in", (self.kept | self.shared).ids)]
        )
        self.assertEqual(usable, self.shared)

    def test_base_rule_extended_once(self):
        rule = self.env.ref("base.res_partner_rule")
        self.assertEqual(rule.domain_force.count("crm_shared_company_ids"), 1)
