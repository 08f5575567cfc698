# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWizardBadInput(TransactionCase):
    """Bad input in the invoice status wizard, as a salesperson with invoicing
    rights: a translated UserError that says what to change."""

    def test_status_change_without_invoices(self):
        """Actions > Change status with no invoice selected refuses, instead of
        reporting "0 invoice(s) changed" as a success."""
        user = new_test_user(
            self.env,
            login="wizard_invoicing_rep",
            groups="sales_team.group_sale_salesman,account.group_account_invoice",
        )
        Wizard = (
            self.env["account.move.crm.state"]
            .with_user(user)
            .with_context(active_model="account.move", active_ids=[])
        )
        for target in ("billed", "rejected", "draft"):
            with self.subTest(target=target):
                wizard = Wizard.create({"target": target, "reason": "x"})
                with self.assertRaisesRegex(UserError, "select invoices first"):
                    wizard.action_apply()
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesRegex(UserError, "sélectionnez d'abord des factures"):
            wizard.with_context(lang="fr_FR").action_apply()
