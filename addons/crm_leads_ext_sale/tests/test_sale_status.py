# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSaleStatus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.customer = cls.env["res.partner"].create({"name": "Buyer"})
        cls.product = cls.env["product.product"].create(
            {"name": "Service", "list_price": 100.0}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {"name": "Deal", "type": "opportunity", "partner_id": cls.customer.id}
        )
        cls.proposal = cls.env.ref("crm_leads_ext.opportunity_status_proposal")
        cls.won = cls.env.ref("crm_leads_ext.opportunity_status_won")

    def _quotation(self):
        return self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "opportunity_id": self.opportunity.id,
                "order_line": [(0, 0, {"product_id": self.product.id})],
            }
        )

    def test_quotation_moves_to_proposal(self):
        self._quotation()
        self.assertEqual(self.opportunity.opportunity_status_id, self.proposal)

    def test_quotation_leaves_status_when_off(self):
        self.company.crm_opportunity_proposal_on_quotation = False
        before = self.opportunity.opportunity_status_id
        self._quotation()
        self.assertEqual(self.opportunity.opportunity_status_id, before)

    def test_confirmed_order_wins_when_on(self):
        order = self._quotation()
        order.action_confirm()
        self.assertNotEqual(self.opportunity.opportunity_status_id, self.won)
        self.company.crm_opportunity_won_on_order = True
        order2 = self._quotation()
        order2.action_confirm()
        self.assertTrue(self.opportunity.stage_id.is_won)
        self.assertEqual(self.opportunity.probability, 100)
        self.assertEqual(self.opportunity.opportunity_status_id, self.won)
