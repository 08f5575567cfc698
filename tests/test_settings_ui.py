# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""With the five modules installed together, CRM Settings shows each module's block."""

from odoo.tests import HttpCase

from .common import MODULES


class TestSettingsTogether(HttpCase):
    # Odoo's MetaCase sets these only for classes under odoo.addons.*
    test_tags = {"standard", "post_install"}
    test_module = "crm_practices"
    test_class = "TestSettingsTogether"
    test_sequence = 0

    def test_every_block_in_crm_settings(self):
        installed = self.env["ir.module.module"].search(
            [("name", "in", MODULES), ("state", "=", "installed")]
        )
        self.assertEqual(sorted(installed.mapped("name")), sorted(MODULES))
        for module in MODULES:
            with self.subTest(module=module):
                self.start_tour("/odoo", f"{module}_settings_tour", login="admin")
