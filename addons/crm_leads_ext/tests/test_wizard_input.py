# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestWizardBadInput(TransactionCase):
    """Bad input in the leads wizards, as a salesperson (own documents) on their
    own leads: a translated UserError that says what to change, and nothing
    written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env,
            login="wizard_leads_rep",
            groups="sales_team.group_sale_salesman,crm.group_use_lead,"
            "crm_leads_ext.group_crm_convert_company_contact",
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Website request",
                "type": "lead",
                "partner_name": "Wizard Bakeries",
                "contact_name": "Jeanne Wizard",
                "user_id": cls.rep.id,
            }
        )

    def _convert(self, **values):
        """The conversion wizard as a client may send it (the form makes the
        existing company or contact required; an RPC call does not)."""
        return (
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.rep)
            .with_context(
                active_model="crm.lead",
                active_id=self.lead.id,
                active_ids=self.lead.ids,
            )
            .create(values)
        )

    def test_convert_select_contact_without_contact(self):
        """ "Select a contact" with no contact is refused before the new company is
        created: the lead stays a lead, no partner is made."""
        Partner = self.env["res.partner"]
        wizard = self._convert(
            crm_company_action="create",
            crm_contact_action="exist",
            crm_contact_id=False,
        )
        with self.assertRaisesRegex(UserError, "Select the contact"):
            wizard.action_apply()
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesRegex(UserError, "Sélectionnez le contact"):
            wizard.with_context(lang="fr_FR").action_apply()
        self.assertEqual(self.lead.type, "lead")
        self.assertFalse(self.lead.partner_id)
        self.assertFalse(Partner.search([("name", "=", "Wizard Bakeries")]))

    def test_convert_contact_without_name(self):
        """ "Create a new contact" from a lead without a contact name is refused
        before the new company is created."""
        self.lead.write({"contact_name": False, "email_from": False})
        wizard = self._convert(crm_company_action="create", crm_contact_action="create")
        with self.assertRaisesRegex(UserError, "contact name"):
            wizard.action_apply()
        self.assertEqual(self.lead.type, "lead")
        self.assertFalse(
            self.env["res.partner"].search([("name", "=", "Wizard Bakeries")])
        )

    def test_close_siblings_without_selection(self):
        """ "Close them" with every other opportunity removed from the list refuses
        instead of closing nothing silently."""
        won, sibling = self.env["crm.lead"].create(
            [
                {"name": "Won deal", "type": "opportunity", "user_id": self.rep.id},
                {"name": "Other deal", "type": "opportunity", "user_id": self.rep.id},
            ]
        )
        wizard = (
            self.env["crm.lead.close.siblings"]
            .with_user(self.rep)
            .create({"lead_id": won.id, "sibling_ids": [(6, 0, [])]})
        )
        with self.assertRaisesRegex(UserError, "Keep them open"):
            wizard.action_close()
        self.assertTrue(sibling.active)
