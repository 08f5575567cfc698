# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .screenshots import png_size, tour_screenshots


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block."""
        new_test_user(
            self.env,
            login="tour_reports_settings",
            groups="base.group_system,sales_team.group_sale_manager",
        )
        self.start_tour(
            "/odoo", "crm_reports_ext_settings_tour", login="tour_reports_settings"
        )

    def test_reports_tour(self):
        """A salesperson (own documents) generates a report from CRM > Reporting,
        sees its figures and graph, downloads it; the readme's pictures."""
        rep = new_test_user(
            self.env,
            login="tour_reports_rep",
            name="Tour Rep Reports",
            groups="sales_team.group_sale_salesman",
        )
        self.env["crm.lead"].create(
            [
                {
                    "name": f"Tour report opportunity {i}",
                    "type": "opportunity",
                    "user_id": rep.id,
                    "expected_revenue": 1500 * (i + 1),
                }
                for i in range(3)
            ]
        )
        with tour_screenshots(self) as shots:
            self.start_tour(
                "/odoo/action-crm_reports_ext.crm_report_action"
                "?crm_reports_ext_screenshots=1",
                "crm_reports_ext_tour",
                login="tour_reports_rep",
            )
        report = self.env["crm.report"].search([("user_id", "=", rep.id)])
        self.assertEqual(report.state, "done")
        self.assertEqual(report.report_type, "salesperson")
        self.assertTrue(report.attachment_id.raw)
        opportunities = report.line_ids.filtered(
            lambda line: line.section == "opportunities"
        )
        self.assertEqual((opportunities.count, opportunities.amount), (3, 9000))
        self.assertEqual(set(shots), {"report_new", "report_generated", "report_graph"})
        for data in shots.values():
            self.assertTrue(png_size(data))
