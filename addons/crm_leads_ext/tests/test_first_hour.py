# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The first hour of a French salesperson, in the browser (issue 19): the screens are
in French, with no English of the module, and are the readme's pictures."""

import base64

from odoo.tests import HttpCase, tagged

from .tour_screens import FrenchTourMixin, english_on_screens, png_size

# the smallest PDF a browser opens
PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


@tagged("post_install", "-at_install")
class TestFirstHour(FrenchTourMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # what the admin switches on in Settings (the manual's "Leads", conversion
        # into a company and a contact, catalogues)
        cls.env["res.config.settings"].create(
            {
                "group_use_lead": True,
                "group_crm_convert_company_contact": True,
                "group_crm_catalogue": True,
            }
        ).execute()
        cls.rep = cls.french_user(
            "fr_rep", "sales_team.group_sale_salesman", name="Marc Commercial"
        )

    def _assert_shots(self, screens, names):
        self.assertEqual(sorted(screens.shots), sorted(names))
        for name, data in screens.shots.items():
            width, height = png_size(data) or (0, 0)
            self.assertGreater(width, 100, name)
            self.assertGreater(height, 100, name)

    def test_english_on_a_french_screen(self):
        """The check finds the module's English in a screen's text, and only that:
        "Nurturing" reads the same in French, "Qualification commerciale" is French."""
        self.assertEqual(
            english_on_screens(
                {
                    "en": "Statut\nSales  qualification\nTo process",
                    "fr": "Statut\nQualification commerciale\nNurturing",
                }
            ),
            {"en": ["Sales qualification", "To process"]},
        )

    def test_lead_converted_and_won(self):
        """A lead typed by hand with a national number (no country) is saved,
        converted into a new company and contact, then won through its statuses."""
        screens = self.start_french_tour(
            "/odoo", "crm_leads_ext_first_hour_lead_tour", login=self.rep.login
        )
        lead = self.env["crm.lead"].search(
            [("name", "=", "Vitrines pour la boulangerie")]
        )
        self.assertRecordValues(
            lead,
            [
                {
                    "type": "opportunity",
                    "user_id": self.rep.id,
                    "lead_status_id": self.env.ref(
                        "crm_leads_ext.lead_status_converted"
                    ).id,
                    "opportunity_status_id": self.env.ref(
                        "crm_leads_ext.opportunity_status_won"
                    ).id,
                }
            ],
        )
        self.assertTrue(lead.stage_id.is_won)
        self.assertEqual(lead.partner_id.name, "Claire Martin")
        self.assertEqual(lead.partner_id.parent_id.name, "Boulangerie Lyonnaise")
        self.assertIn("4 72 00 00 00", lead.phone)
        self._assert_shots(
            screens,
            [
                "first_hour_my_leads",
                "first_hour_lead",
                "first_hour_convert",
                "first_hour_opportunity_won",
            ],
        )
        self.assertIn("first_hour_opportunity", screens.texts)

    def test_catalogue_sent(self):
        """The salesperson sends the catalogue to a customer by email."""
        customer = self.env["res.partner"].create(
            {"name": "Claire Martin", "email": "claire.martin@example.com"}
        )
        self.env["crm.catalogue"].create(
            {
                "name": "Catalogue 2026",
                "pdf_file": base64.b64encode(PDF),
                "pdf_filename": "catalogue-2026.pdf",
            }
        )
        screens = self.start_french_tour(
            "/odoo", "crm_leads_ext_first_hour_catalogue_tour", login=self.rep.login
        )
        sent = customer.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(sent.attachment_ids), 1)
        self.assertTrue(sent.attachment_ids.name.endswith(".pdf"))
        self._assert_shots(
            screens, ["first_hour_catalogues", "first_hour_catalogue_send"]
        )
