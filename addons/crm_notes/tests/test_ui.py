# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to a settings
        administrator who is a sales administrator."""
        new_test_user(
            self.env,
            login="tour_notes_settings",
            groups="base.group_system,sales_team.group_sale_manager",
        )
        self.start_tour("/odoo", "crm_notes_settings_tour", login="tour_notes_settings")

    def test_notes_tour(self):
        """A salesperson (own documents) writes a note from a customer, marks it
        done + new, and hands three of their notes over to a colleague."""
        rep = new_test_user(
            self.env,
            login="tour_notes_rep",
            name="Tour Rep",
            groups="sales_team.group_sale_salesman",
        )
        colleague = new_test_user(
            self.env,
            login="tour_colleague",
            name="Tour Colleague",
            groups="sales_team.group_sale_salesman",
        )
        Partner = self.env["res.partner"]
        grocery = Partner.create({"name": "Tour Grocery", "is_company": True})
        self.env["crm.note.status"].create({"name": "Tour cold"})
        self.env["crm.note.action"].create({"name": "Tour call"})
        bulk = self.env["crm.note"].create(
            [
                {
                    "partner_id": Partner.create({"name": f"Tour Bulk {x}"}).id,
                    "user_id": rep.id,
                }
                for x in "ABC"
            ]
        )
        self.start_tour("/odoo/contacts", "crm_notes_tour", login=rep.login)
        notes = self.env["crm.note"].search([("partner_id", "=", grocery.id)])
        self.assertEqual(sorted(notes.mapped("state")), ["done", "open"])
        self.assertEqual(notes.mapped("user_id"), rep)
        self.assertEqual(bulk.mapped("user_id"), colleague)
