# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The first hour of a French sales team, in the browser (issue 19): the screens are
in French, with no English of the module, and are the readme's pictures."""

from odoo.tests import HttpCase, tagged

from .tour_screens import FrenchTourMixin, png_size


@tagged("post_install", "-at_install")
class TestFirstHour(FrenchTourMixin, HttpCase):
    def test_invoice_from_opportunity(self):
        """The admin switches invoicing from opportunities and the numbering on; a
        salesperson who may invoice invoices an opportunity and reads its number."""
        settings = self.start_french_tour(
            "/odoo", "crm_invoicing_ext_first_hour_settings_tour", login="admin"
        )
        self.assertEqual(list(settings.shots), ["first_hour_settings"])
        rep = self.french_user(
            "fr_rep",
            "sales_team.group_sale_salesman,account.group_account_invoice",
            name="Marc Commercial",
        )
        customer = self.env["res.partner"].create(
            {"name": "Boulangerie Lyonnaise", "is_company": True}
        )
        self.env["product.product"].create(
            {"name": "Pose de vitrine", "list_price": 250.0, "type": "service"}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Agencement du magasin",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": rep.id,
            }
        )
        screens = self.start_french_tour(
            "/odoo", "crm_invoicing_ext_first_hour_tour", login=rep.login
        )
        invoice = self.env["account.move"].search([("opportunity_id", "=", lead.id)])
        self.assertRecordValues(
            invoice,
            [{"name": "FAC00001", "state": "posted", "partner_id": customer.id}],
        )
        self.assertEqual(invoice.invoice_line_ids.price_unit, 250.0)
        self.assertEqual(
            sorted(screens.shots),
            [
                "first_hour_invoice",
                "first_hour_invoice_draft",
                "first_hour_opportunity",
            ],
        )
        for name, data in screens.shots.items():
            width, height = png_size(data) or (0, 0)
            self.assertGreater(width, 100, name)
            self.assertGreater(height, 100, name)
