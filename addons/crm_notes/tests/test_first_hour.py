# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The first hour of a French salesperson, in the browser (issue 19): the screens are
in French, with no English of the module, and are the readme's pictures."""

from odoo.tests import HttpCase, tagged

from .tour_screens import FrenchTourMixin, png_size


@tagged("post_install", "-at_install")
class TestFirstHour(FrenchTourMixin, HttpCase):
    def test_note_written_closed_renewed(self):
        """A note written from the customer list, closed with "done + new note", the
        new note saved."""
        rep = self.french_user(
            "fr_rep", "sales_team.group_sale_salesman", name="Marc Commercial"
        )
        customer = self.env["res.partner"].create(
            {"name": "Épicerie Martin", "is_company": True}
        )
        screens = self.start_french_tour(
            "/odoo/contacts", "crm_notes_first_hour_tour", login=rep.login
        )
        notes = self.env["crm.note"].search(
            [("partner_id", "=", customer.id)], order="id"
        )
        self.assertRecordValues(
            notes,
            [
                {
                    "state": "done",
                    "user_id": rep.id,
                    "status_id": self.env.ref("crm_notes.crm_note_status_warm").id,
                    "action_id": self.env.ref("crm_notes.crm_note_action_call").id,
                },
                {
                    # the customer, assignee and variables follow, not the status
                    "state": "open",
                    "user_id": rep.id,
                    "status_id": False,
                    "action_id": self.env.ref("crm_notes.crm_note_action_visit").id,
                },
            ],
        )
        self.assertEqual(
            sorted(screens.shots),
            sorted(
                [
                    "first_hour_customers",
                    "first_hour_note",
                    "first_hour_notes",
                    "first_hour_note_close",
                    "first_hour_note_renewed",
                ]
            ),
        )
        self.assertIn("first_hour_notes_kanban", screens.texts)
        for name, data in screens.shots.items():
            width, height = png_size(data) or (0, 0)
            self.assertGreater(width, 100, name)
            self.assertGreater(height, 100, name)
