# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to an admin."""
        self.start_tour("/odoo", "crm_invoicing_ext_settings_tour", login="admin")

    def test_invoice_from_opportunity_tour(self):
        """Set the numbering in Settings, invoice an opportunity, read the number."""
        admin = self.env.ref("base.user_admin")
        admin.groups_id |= self.env.ref(
            "crm_invoicing_ext.group_crm_invoice_opportunity"
        )
        buyer = self.env["res.partner"].create({"name": "Tour Buyer"})
        self.env["product.product"].create(
            {"name": "Tour Consulting", "list_price": 250.0, "type": "service"}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour Deal",
                "type": "opportunity",
                "partner_id": buyer.id,
                "user_id": admin.id,
            }
        )
        self.start_tour("/odoo", "crm_invoicing_ext_tour", login="admin")
        invoice = self.env["account.move"].search([("opportunity_id", "=", lead.id)])
        self.assertEqual(invoice.name, "FAC00001")
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.invoice_line_ids.price_unit, 250.0)
