# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.tests import TransactionCase, new_test_user, tagged


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

    def test_quotations_in_batch(self):
        """Quotations created together: their open opportunities move, one write for
        all; a closed one and one already further stay."""
        Lead = self.env["crm.lead"]
        opportunities = Lead.create(
            [{"name": f"Batch {i}", "type": "opportunity"} for i in range(5)]
        )
        further = self.env["crm.lead.status"].create(
            {
                "name": "Negotiation",
                "scope": "opportunity",
                "sequence": self.proposal.sequence + 1,
            }
        )
        opportunities[3].opportunity_status_id = further
        opportunities[4].action_set_lost()
        lost = opportunities[4].opportunity_status_id
        writes = []
        write = type(Lead).write

        def counting_write(records, vals):
            if "opportunity_status_id" in vals:
                writes.append(records.ids)
            return write(records, vals)

        with patch.object(type(Lead), "write", counting_write):
            self.env["sale.order"].create(
                [
                    {
                        "partner_id": self.customer.id,
                        "opportunity_id": opportunity.id,
                        "order_line": [(0, 0, {"product_id": self.product.id})],
                    }
                    for opportunity in opportunities
                ]
            )
        self.assertEqual(sorted(writes), [sorted(opportunities[:3].ids)])
        self.assertEqual(
            opportunities.mapped("opportunity_status_id"),
            self.proposal | further | lost,
        )
        self.assertEqual(opportunities[:3].opportunity_status_id, self.proposal)


@tagged("post_install", "-at_install")
class TestSaleCaseAmounts(TransactionCase):
    def test_order_above_best_case_confirms(self):
        """sale_crm raises the opportunity's expected revenue to a confirmed order's
        amount: the order confirms, and the best case follows."""
        salesman = new_test_user(
            self.env,
            login="case_amounts_salesman",
            groups="sales_team.group_sale_salesman",
        )
        customer = self.env["res.partner"].create({"name": "Big Buyer"})
        product = self.env["product.product"].create(
            {"name": "Consulting", "list_price": 3000.0, "taxes_id": False}
        )
        opportunity = (
            self.env["crm.lead"]
            .with_user(salesman)
            .create(
                {
                    "name": "Big deal",
                    "type": "opportunity",
                    "partner_id": customer.id,
                    "user_id": salesman.id,
                    "expected_revenue": 1000,
                    "worst_case_amount": 500,
                    "best_case_amount": 2000,
                }
            )
        )
        order = (
            self.env["sale.order"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": customer.id,
                    "opportunity_id": opportunity.id,
                    "user_id": salesman.id,
                    "order_line": [(0, 0, {"product_id": product.id})],
                }
            )
        )
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(opportunity.expected_revenue, 3000)
        self.assertEqual(opportunity.best_case_amount, 3000)
        self.assertEqual(opportunity.worst_case_amount, 500)


@tagged("post_install", "-at_install")
class TestSaleClosesSiblings(TransactionCase):
    def test_order_win_leaves_a_todo_to_close_the_others(self):
        """A33: an order confirmed by a salesperson wins its opportunity; the
        prospect's other open opportunity is offered through a to-do for the
        opportunity's salesperson, whose button opens the same choice."""
        self.env.company.crm_opportunity_won_on_order = True
        salesman = new_test_user(
            self.env,
            login="siblings_order_rep",
            groups="sales_team.group_sale_salesman",
        )
        prospect = self.env["res.partner"].create(
            {"name": "Prospect Co", "is_company": True, "crm_partner_type": "prospect"}
        )
        product = self.env["product.product"].create(
            {"name": "Audit", "list_price": 500.0, "taxes_id": False}
        )
        Lead = self.env["crm.lead"].with_user(salesman)
        won, other = Lead.create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": prospect.id,
                    "user_id": salesman.id,
                }
                for name in ("Ordered", "Other")
            ]
        )
        order = (
            self.env["sale.order"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": prospect.id,
                    "opportunity_id": won.id,
                    "order_line": [(0, 0, {"product_id": product.id})],
                }
            )
        )
        order.action_confirm()
        self.assertTrue(won.stage_id.is_won)
        todo = won.activity_ids
        self.assertEqual(len(todo), 1)
        self.assertEqual(todo.user_id, salesman)
        self.assertEqual(todo.summary, "Close the other opportunities?")
        self.assertFalse(other.activity_ids)
        action = won.with_user(salesman).action_crm_close_siblings()
        self.assertEqual(action["context"]["default_sibling_ids"], other.ids)
