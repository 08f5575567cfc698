# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.sale.tests.common import SaleCommon


@tagged("post_install", "-at_install")
class TestSaleInvoice(SaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_invoicing_ext_sale_salesman",
            groups="sales_team.group_sale_salesman_all_leads",
        )

    def _lead(self, name, partner=None):
        return self.env["crm.lead"].create(
            {
                "name": name,
                "type": "opportunity",
                "partner_id": (partner or self.partner).id,
            }
        )

    def _invoice_wizard(self, orders, **values):
        """Sales > Orders, select, Create Invoice, as a salesman."""
        with Form(
            self.env["sale.advance.payment.inv"]
            .with_user(self.salesman)
            .with_context(active_model="sale.order", active_ids=orders.ids)
        ) as form:
            for field, value in values.items():
                setattr(form, field, value)
        form.record.create_invoices()
        return orders.invoice_ids

    def test_invoice_follows_quotation_opportunity(self):
        lead = self._lead("Deal")
        self.sale_order.opportunity_id = lead
        self.sale_order.action_confirm()
        invoice = self.sale_order._create_invoices()
        self.assertEqual(invoice.opportunity_id, lead)
        self.assertEqual(lead.crm_invoice_count, 1)

    def test_opportunity_of_another_customer_is_not_copied(self):
        other = self.env["res.partner"].create({"name": "Someone else"})
        lead = self._lead("Other deal", other)
        self.sale_order.opportunity_id = lead
        self.sale_order.action_confirm()
        invoice = self.sale_order._create_invoices()
        self.assertFalse(invoice.opportunity_id)

    def test_down_payment_follows_opportunity(self):
        lead = self._lead("Deal")
        self.sale_order.opportunity_id = lead
        self.sale_order.action_confirm()
        invoice = self._invoice_wizard(
            self.sale_order, advance_payment_method="percentage", amount=10
        )
        self.assertEqual(invoice.opportunity_id, lead)

    def test_orders_of_two_opportunities_invoiced_together(self):
        """Odoo groups the orders of one customer in one invoice: it belongs to
        their opportunity only when they share it."""
        lead_a, lead_b = self._lead("Deal A"), self._lead("Deal B")
        order_b = self.sale_order.copy()
        order_c = self.sale_order.copy()
        self.sale_order.opportunity_id = lead_a
        order_b.opportunity_id = lead_b
        order_c.opportunity_id = lead_a
        orders = self.sale_order | order_b | order_c
        orders.action_confirm()
        mixed = self._invoice_wizard(self.sale_order | order_b)
        self.assertEqual(len(mixed), 1, "Odoo's consolidated billing")
        self.assertFalse(mixed.opportunity_id)
        self.assertEqual((lead_a.crm_invoice_count, lead_b.crm_invoice_count), (0, 0))
        order_d = order_c.copy({"opportunity_id": lead_a.id})
        order_d.action_confirm()
        shared = self._invoice_wizard(order_c | order_d)
        self.assertEqual(len(shared), 1)
        self.assertEqual(shared.opportunity_id, lead_a)
