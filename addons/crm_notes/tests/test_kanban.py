# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestNotesKanbanWidth(HttpCase):
    browser_size = "1440x900"

    def test_kanban_fits_1440(self):
        """A salesperson's notes kanban on a 1440 px screen: the five follow-up
        columns (Overdue, Today, Upcoming, No date, Done folded) within the window."""
        rep = new_test_user(
            self.env,
            login="notes_kanban_rep",
            groups="sales_team.group_sale_salesman",
        )
        customer = self.env["res.partner"].create({"name": "Kanban Customer"})
        today = fields.Date.context_today(rep)
        notes = self.env["crm.note"].create(
            [
                {"partner_id": customer.id, "user_id": rep.id, "date_followup": day}
                for day in (
                    today - timedelta(days=3),
                    today,
                    today + timedelta(days=3),
                    False,
                    today,
                )
            ]
        )
        notes[-1].action_done()
        self.start_tour("/odoo", "crm_notes_kanban_width_tour", login=rep.login)
