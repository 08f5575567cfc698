# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestReports(TransactionCase):
    def test_lead_report_in_the_leads_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        lead = self.env["crm.lead"].create(
            {
                "name": "Printed lead",
                "type": "lead",
                "partner_name": "Imprimerie Nationale",
                "lang_id": self.env["res.lang"]._lang_get("fr_FR").id,
            }
        )
        html, kind = self.env["ir.actions.report"]._render_qweb_html(
            "crm_leads_ext.report_crm_lead", lead.ids
        )
        self.assertEqual(kind, "html")
        html = html.decode()
        self.assertIn("Printed lead", html)
        self.assertIn("Imprimerie Nationale", html)
        self.assertIn(lead.lead_status_id.with_context(lang="fr_FR").name, html)

    def test_envelope(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Envelope Receiver",
                "street": "12 rue des Lilas",
                "zip": "75011",
                "city": "Paris",
                "country_id": self.env.ref("base.fr").id,
            }
        )
        report = self.env.ref("crm_leads_ext.action_report_envelope")
        self.assertEqual(report.paperformat_id.page_width, 220)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "crm_leads_ext.report_envelope", partner.ids
        )
        html = html.decode()
        self.assertIn("Envelope Receiver", html)
        self.assertIn("12 rue des Lilas", html)
        self.assertIn("75011", html)

    def test_reporting_menus(self):
        for xmlid in (
            "crm_leads_ext.crm_lead_menu_report_status",
            "crm_leads_ext.crm_opportunity_menu_report_status",
            "crm_leads_ext.crm_event_menu_report",
        ):
            menu = self.env.ref(xmlid)
            self.assertEqual(menu.parent_id, self.env.ref("crm.crm_menu_report"))
        groups = self.env["crm.lead"].read_group(
            [("type", "=", "opportunity")],
            ["expected_revenue"],
            ["opportunity_status_id"],
        )
        self.assertTrue(groups)
