# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged

from .tour_screens import URL_PARAM, png_size, tour_screenshots


@tagged("post_install", "-at_install")
class TestCaseTour(HttpCase):
    def test_case_tour(self):
        """A salesperson creates a case with three participants, plans a meeting
        and a task from it and closes it; the tour takes the readme's pictures."""
        self.env["res.config.settings"].create({"group_crm_case": True}).execute()
        rep = new_test_user(
            self.env,
            login="tour_case_rep",
            name="Case Rep",
            groups="sales_team.group_sale_salesman",
            tz="UTC",
        )
        Partner = self.env["res.partner"]
        architects = Partner.create({"name": "Dupont Architectes", "is_company": True})
        marie = Partner.create({"name": "Marie Dupont", "parent_id": architects.id})
        atelier = Partner.create({"name": "Atelier Rousseau", "is_company": True})
        with tour_screenshots(self) as screens:
            self.start_tour(
                f"/odoo?{URL_PARAM}=1",
                "crm_events_reminders_case_tour",
                login=rep.login,
            )
        case = self.env["crm.case"].search([("name", "=", "Spring seminar")])
        self.assertRecordValues(
            case,
            [{"state": "closed", "closed_by_id": rep.id, "user_id": rep.id}],
        )
        self.assertTrue(case.closed_date)
        self.assertEqual(case.partner_ids, architects | marie | atelier)
        meeting = case.event_ids.filtered(lambda e: e.crm_event_kind == "meeting")
        task = case.event_ids.filtered(lambda e: e.crm_event_kind == "task")
        self.assertEqual(len(case.event_ids), 2)
        self.assertEqual(
            meeting.partner_ids, rep.partner_id | architects | marie | atelier
        )
        self.assertEqual(task.name, "Book the conference room")
        self.assertEqual(task.partner_ids, rep.partner_id)
        self.assertEqual(
            sorted(screens.shots),
            ["crm_case_closed", "crm_case_event", "crm_case_task"],
        )
        for data in screens.shots.values():
            self.assertTrue(png_size(data))
