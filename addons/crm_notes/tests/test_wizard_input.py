# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CrmNotesCommon


@tagged("post_install", "-at_install")
class TestWizardBadInput(CrmNotesCommon):
    """Bad input in the notes wizards, as a salesperson (own documents): a
    translated error that says what to change, and nothing written."""

    def test_close_without_notes(self):
        """The red cross' wizard with no note refuses instead of closing
        silently."""
        wizard = self.env["crm.note.close"].with_user(self.rep_own).create({})
        with self.assertRaisesRegex(UserError, "select notes first"):
            wizard.action_done()
        with self.assertRaisesRegex(UserError, "select notes first"):
            wizard.action_done_and_new()
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesRegex(UserError, "sélectionnez d'abord des notes"):
            wizard.with_context(lang="fr_FR").action_done()

    def test_close_a_note_of_another_company(self):
        """A note of a company the salesperson is not in stays open."""
        note_b = self.env["crm.note"].create(
            {
                "partner_id": self.customer.id,
                "company_id": self.company_b.id,
                "user_id": self.rep_b.id,
            }
        )
        with self.assertRaises(AccessError):
            wizard = (
                self.env["crm.note.close"]
                .with_user(self.rep_own)
                .create({"note_ids": [(6, 0, note_b.ids)]})
            )
            wizard.action_done()
        self.assertEqual(note_b.state, "open")

    def test_reassign_without_notes(self):
        """Bulk reassignment with an empty selection moves nothing."""
        note = self._note(user_id=self.rep_own.id)
        wizard = (
            self.env["crm.note.reassign"]
            .with_user(self.rep_own)
            .create({"user_id": self.rep_all.id})
        )
        with self.assertRaisesRegex(UserError, "select notes first"):
            wizard.action_reassign()
        self.assertEqual(note.user_id, self.rep_own)
