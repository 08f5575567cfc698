# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged, users

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

    def test_variable_options_follow_their_variable(self):
        """The options of company B's variable are company B's: a user of company
        A neither sees them nor, as a Sales Administrator, changes them."""
        variable_b = self.env["crm.note.variable"].create(
            {
                "name": "Shelf in B",
                "company_id": self.company_b.id,
                "option_ids": [(0, 0, {"name": "Top shelf"})],
            }
        )
        option_b = variable_b.option_ids
        Option = self.env["crm.note.variable.option"]
        self.assertFalse(
            Option.with_user(self.rep_own).search([("id", "=", option_b.id)])
        )
        self.assertEqual(
            Option.with_user(self.rep_b).search([("id", "=", option_b.id)]), option_b
        )
        in_a = option_b.with_user(self.manager).with_context(
            allowed_company_ids=[self.company_a.id]
        )
        with self.assertRaises(AccessError):
            in_a.write({"name": "Renamed from A"})
        with self.assertRaises(AccessError):
            in_a.unlink()
        self.assertEqual(self.opt_grocery.with_user(self.rep_own).name, "Grocery")

    def test_variable_values_follow_their_note(self):
        """A salesperson of own documents reads and changes the variable values of
        their notes only, as the notes; all documents: every note's values."""
        note = self._note(
            user_id=self.rep_all.id,
            variable_value_ids=[
                (
                    0,
                    0,
                    {
                        "variable_id": self.variable_store.id,
                        "option_id": self.opt_grocery.id,
                    },
                )
            ],
        )
        value = note.variable_value_ids
        Value = self.env["crm.note.variable.value"]
        self.assertFalse(Value.with_user(self.rep_own).search([("id", "=", value.id)]))
        with self.assertRaises(AccessError):
            value.with_user(self.rep_own).write({"option_id": self.opt_toys.id})
        self.assertEqual(
            Value.with_user(self.rep_all).search([("id", "=", value.id)]), value
        )
        mine = self._note(user_id=self.rep_own.id)  # one empty line per variable
        index = mine.variable_value_ids.variable_id.ids.index(self.variable_store.id)
        with Form(mine.with_user(self.rep_own)) as form:
            with form.variable_value_ids.edit(index) as line:
                line.option_id = self.opt_toys
        self.assertEqual(mine.variable_option_ids, self.opt_toys)

    @users("notes_manager")
    def test_active_companies(self):
        """With only company A active, B's notes are out of sight even for a manager."""
        Note = self.env["crm.note"].with_context(
            allowed_company_ids=[self.company_a.id]
        )
        self.assertEqual(
            Note.search([("id", "in", (self.note_a | self.note_b).ids)]), self.note_a
        )

    def test_shared_contact_status_per_company(self):
        """A contact shared by both companies shows each company its own status."""
        self.assertFalse(self.customer.company_id)
        self.note_a.status_id = self.status_a
        self.note_b.status_id = self.status_b  # the latest note, in company B
        rep_a = self.env["res.users"].search([("login", "=", "notes_rep_own")])
        rep_b = self.env["res.users"].search([("login", "=", "notes_rep_b")])
        self.env.invalidate_all()
        customer_a = self.customer.with_user(rep_a)
        self.assertEqual(customer_a.crm_note_status_id, self.status_a)
        self.assertEqual(
            self.customer.with_user(rep_b).crm_note_status_id, self.status_b
        )
        Partner = self.env["res.partner"].with_user(rep_a)
        self.assertFalse(
            Partner.search([("crm_note_status_id", "=", self.status_b.id)])
        )
        self.assertFalse(Partner.search([("crm_note_status_id", "ilike", "Only in B")]))
        self.assertIn(
            self.customer,
            Partner.search([("crm_note_status_id", "ilike", "Only in A")]),
        )
        self.assertNotIn(
            self.customer, Partner.search([("crm_note_status_id", "=", False)])
        )
        # a manager of both companies sees the latest note of the active ones
        manager = self.env["res.users"].search([("login", "=", "notes_manager")])
        both = self.customer.with_user(manager).with_context(
            allowed_company_ids=(self.company_a | self.company_b).ids
        )
        self.assertEqual(both.crm_note_status_id, self.status_b)
        only_a = both.with_context(allowed_company_ids=self.company_a.ids)
        self.assertEqual(only_a.crm_note_status_id, self.status_a)
