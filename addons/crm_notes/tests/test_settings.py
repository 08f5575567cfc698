# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_follow_salesperson_switch(self):
        """The switch is off by default and stored as a system parameter."""
        params = self.env["ir.config_parameter"].sudo()
        self.assertFalse(
            self.env["res.config.settings"].create({}).crm_notes_follow_salesperson
        )
        self.env["res.config.settings"].create(
            {"crm_notes_follow_salesperson": True}
        ).execute()
        self.assertTrue(params.get_param("crm_notes.follow_salesperson"))
