# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_leads_ext_salesman",
            groups="sales_team.group_sale_salesman",
        )

    def _toggle(self, field, value):
        self.env["res.config.settings"].create({field: value}).execute()

    def test_group_crm_catalogue_toggles_group(self):
        """The switch gives the feature group to internal users, and takes it back."""
        self._toggle("group_crm_catalogue", True)
        self.assertTrue(self.salesman.has_group("crm_leads_ext.group_crm_catalogue"))
        self._toggle("group_crm_catalogue", False)
        self.assertFalse(self.salesman.has_group("crm_leads_ext.group_crm_catalogue"))

    def test_group_crm_prospect_status_toggles_group(self):
        """The switch gives the feature group to internal users, and takes it back."""
        self._toggle("group_crm_prospect_status", True)
        self.assertTrue(
            self.salesman.has_group("crm_leads_ext.group_crm_prospect_status")
        )
        self._toggle("group_crm_prospect_status", False)
        self.assertFalse(
            self.salesman.has_group("crm_leads_ext.group_crm_prospect_status")
        )
