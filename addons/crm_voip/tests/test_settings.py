# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_public_base_url_falls_back_to_web_base_url(self):
        """Public URL: the configured one, else web.base.url; no trailing slash."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("web.base.url", "http://odoo.internal:8069/")
        params.set_param("crm_voip.public_base_url", False)
        settings = self.env["res.config.settings"]
        self.assertEqual(
            settings._crm_voip_public_base_url(), "http://odoo.internal:8069"
        )
        settings.create(
            {"crm_voip_public_base_url": "https://crm.example.com/"}
        ).execute()
        self.assertEqual(
            settings._crm_voip_public_base_url(), "https://crm.example.com"
        )

    def test_manager_implies_operator(self):
        """A VoIP manager is an operator; a plain salesman is neither."""
        manager = new_test_user(
            self.env, login="voip_mgr", groups="crm_voip.group_crm_voip_manager"
        )
        salesman = new_test_user(
            self.env, login="voip_sales", groups="sales_team.group_sale_salesman"
        )
        self.assertTrue(manager.has_group("crm_voip.group_crm_voip_operator"))
        self.assertFalse(salesman.has_group("crm_voip.group_crm_voip_operator"))
        self.assertTrue(
            self.env.ref("base.user_admin").has_group("crm_voip.group_crm_voip_manager")
        )
