# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import VoipCommonMixin


@tagged("post_install", "-at_install")
class TestWizardBadInput(VoipCommonMixin, TransactionCase):
    """Bad input in the number wizards, as a VoIP manager: a translated error that
    says what to change, and nothing written (nor sent to Twilio)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()

    def test_link_without_selection(self):
        """Link an owned number with no number ticked refuses instead of opening
        an empty list."""
        wizard = (
            self.env["crm.voip.number.link"]
            .with_user(self.manager)
            .create(
                {
                    "account_id": self.account_a.id,
                    "line_ids": [
                        (0, 0, {"twilio_sid": "PN9", "phone_number": "+33184889999"})
                    ],
                }
            )
        )
        with self.assertRaisesRegex(UserError, "Tick the numbers to link"):
            wizard.action_link()
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesRegex(UserError, "Cochez les numéros à lier"):
            wizard.with_context(lang="fr_FR").action_link()
        self.assertFalse(
            self.env["crm.voip.number"].search([("phone_number", "=", "+33184889999")])
        )

    def test_link_into_an_account_of_another_company(self):
        """A VoIP manager of company A only may neither link nor search numbers
        with company B's Twilio account: refused before any request goes to
        Twilio with company B's credentials."""
        manager_a = new_test_user(
            self.env,
            login="voip_manager_a_only",
            groups="crm_voip.group_crm_voip_manager",
        )
        line = {"twilio_sid": "PN8", "phone_number": "+33184888888", "selected": True}
        with self.assertRaises(AccessError):
            self.env["crm.voip.number.link"].with_user(manager_a).create(
                {"account_id": self.account_b.id, "line_ids": [(0, 0, line)]}
            ).action_link()
        self.assertFalse(
            self.env["crm.voip.number"].search([("phone_number", "=", "+33184888888")])
        )
        with self.assertRaises(AccessError):
            self.env["crm.voip.number.search"].with_user(manager_a).create(
                {
                    "account_id": self.account_b.id,
                    "country_id": self.env.ref("base.fr").id,
                }
            ).action_search()
