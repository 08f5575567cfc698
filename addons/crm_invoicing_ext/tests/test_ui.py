# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

# The numbering is an accounting administrator's setting (readme, CONFIGURE).
SETTINGS_ADMIN = (
    "base.group_system,sales_team.group_sale_manager,account.group_account_manager"
)


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """Settings are an administrator's; the opportunity's invoice a salesperson's
    (own documents) who has invoicing rights (readme)."""

    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to a settings
        administrator who is a sales administrator."""
        new_test_user(
            self.env,
            login="tour_invoicing_settings",
            groups="base.group_system,sales_team.group_sale_manager",
        )
        self.start_tour(
            "/odoo", "crm_invoicing_ext_settings_tour", login="tour_invoicing_settings"
        )

    def test_invoice_from_opportunity_tour(self):
        """An administrator sets the numbering in Settings; a salesperson with
        invoicing rights invoices their opportunity and reads the number."""
        new_test_user(self.env, login="tour_invoicing_admin", groups=SETTINGS_ADMIN)
        rep = new_test_user(
            self.env,
            login="tour_invoicing_rep",
            name="Tour Rep",
            groups="sales_team.group_sale_salesman,account.group_account_invoice,"
            "crm_invoicing_ext.group_crm_invoice_opportunity",
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
                "user_id": rep.id,
            }
        )
        self.start_tour(
            "/odoo", "crm_invoicing_ext_numbering_tour", login="tour_invoicing_admin"
        )
        self.start_tour("/odoo", "crm_invoicing_ext_tour", login=rep.login)
        invoice = self.env["account.move"].search([("opportunity_id", "=", lead.id)])
        self.assertEqual(invoice.name, "FAC00001")
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.invoice_user_id, rep)
        self.assertEqual(invoice.invoice_line_ids.price_unit, 250.0)
