# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from lxml import etree

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_invoicing_ext_salesman",
            groups="sales_team.group_sale_salesman",
        )

    def _toggle(self, field, value):
        self.env["res.config.settings"].create({field: value}).execute()

    def test_group_crm_invoice_opportunity_toggles_group(self):
        """The switch gives the feature group to internal users, and takes it back."""
        self._toggle("group_crm_invoice_opportunity", True)
        self.assertTrue(
            self.salesman.has_group("crm_invoicing_ext.group_crm_invoice_opportunity")
        )
        self._toggle("group_crm_invoice_opportunity", False)
        self.assertFalse(
            self.salesman.has_group("crm_invoicing_ext.group_crm_invoice_opportunity")
        )


@tagged("post_install", "-at_install")
class TestViews(TransactionCase):
    """What the forms show, read from the arch served to the user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="crm_invoicing_ext_view_salesman",
            groups="sales_team.group_sale_salesman,account.group_account_invoice",
        )

    def _arch(self, model, user=None):
        env = self.env(user=user) if user else self.env
        views = env[model].get_views([(False, "form")])
        return etree.fromstring(views["views"]["form"]["arch"])

    def test_create_invoice_button_follows_the_setting(self):
        """Off, even a salesperson who invoices sees no "Create an invoice" button
        on opportunities; on, every salesperson does."""
        self.env["res.config.settings"].create(
            {"group_crm_invoice_opportunity": False}
        ).execute()
        xpath = "//button[@name='action_crm_create_invoice']"
        self.assertFalse(self._arch("crm.lead", self.salesman).xpath(xpath))
        self.env["res.config.settings"].create(
            {"group_crm_invoice_opportunity": True}
        ).execute()
        self.assertTrue(self._arch("crm.lead", self.salesman).xpath(xpath))

    def test_invoice_opportunity_on_main_tab(self):
        """The opportunity sits in the invoice's header, not under Other Info."""
        arch = self._arch("account.move", self.salesman)
        self.assertTrue(
            arch.xpath("//group[@id='header_left_group']/field[@name='opportunity_id']")
        )
        self.assertFalse(
            arch.xpath("//page[@name='other_info']//field[@name='opportunity_id']")
        )

    def test_automatic_numbering_checkbox_with_its_label(self):
        """The "Automatic numbering" checkbox is followed by its label on one line
        (not a label column with the box wrapping under it)."""
        arch = self._arch("res.config.settings")
        box = arch.xpath("//field[@name='crm_invoice_auto']")
        self.assertEqual(len(box), 1)
        label = box[0].getnext()
        self.assertEqual(label.tag, "label")
        self.assertEqual(label.get("for"), "crm_invoice_auto")
        self.assertNotIn("row", box[0].getparent().get("class", "").split())
