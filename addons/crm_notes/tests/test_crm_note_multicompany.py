# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged, users

from .common import CrmNotesCommon


@tagged("post_install", "-at_install", "multi_company")
class TestCrmNoteMultiCompany(CrmNotesCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Note = cls.env["crm.note"]
        cls.note_a = Note.create({"partner_id": cls.customer.id, "user_id": False})
        cls.note_b = Note.create(
            {
                "partner_id": cls.customer.id,
                "user_id": False,
                "company_id": cls.company_b.id,
            }
        )
        cls.status_b = cls.env["crm.note.status"].create(
            {"name": "Only in B", "company_id": cls.company_b.id}
        )
        cls.status_shared = cls.env["crm.note.status"].create({"name": "Shared"})
        cls.status_a = cls.env["crm.note.status"].create(
            {"name": "Only in A", "company_id": cls.company_a.id}
        )

    @users("notes_rep_b")
    def test_user_restricted_to_one_company(self):
        """A user of company B sees B's notes, B's and shared statuses, nothing of A."""
        notes = self.env["crm.note"].search(
            [("id", "in", (self.note_a | self.note_b).ids)]
        )
        self.assertEqual(notes, self.note_b)
        statuses = self.env["crm.note.status"].search([])
        self.assertIn(self.status_b, statuses)
        self.assertIn(self.status_shared, statuses)
        self.assertNotIn(self.status_a, statuses)

    @users("notes_manager")
    def test_company_consistency(self):
        """A note of company A cannot use a status of company B."""
        with self.assertRaises(UserError):
            self.env["crm.note"].create(
                {
                    "partner_id": self.customer.id,
                    "company_id": self.company_a.id,
                    "status_id": self.status_b.id,
                }
            )

    @users("notes_manager")
    def test_active_companies(self):
        """With only company A active, B's notes are out of sight even for a manager."""
        Note = self.env["crm.note"].with_context(
            allowed_company_ids=[self.company_a.id]
        )
        self.assertEqual(
            Note.search([("id", "in", (self.note_a | self.note_b).ids)]), self.note_a
        )
