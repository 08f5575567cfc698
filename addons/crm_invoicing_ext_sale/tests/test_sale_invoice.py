# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from odoo.addons.sale.tests.common import SaleCommon


@tagged("post_install", "-at_install")
class TestSaleInvoice(SaleCommon):
    def test_invoice_follows_quotation_opportunity(self):
        lead = self.env["crm.lead"].create(
            {"name": "Deal", "type": "opportunity", "partner_id": self.partner.id}
        )
        self.sale_order.opportunity_id = lead
        self.sale_order.action_confirm()
        invoice = self.sale_order._create_invoices()
        self.assertEqual(invoice.opportunity_id, lead)
        self.assertEqual(lead.crm_invoice_count, 1)

    def test_opportunity_of_another_customer_is_not_copied(self):
        other = self.env["res.partner"].create({"name": "Someone else"})
        lead = self.env["crm.lead"].create(
            {"name": "Other deal", "type": "opportunity", "partner_id": other.id}
        )
        self.sale_order.opportunity_id = lead
        self.sale_order.action_confirm()
        invoice = self.sale_order._create_invoices()
        self.assertFalse(invoice.opportunity_id)
