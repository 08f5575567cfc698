# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from .common import CrmNotesCommon


@tagged("post_install", "-at_install")
class TestCrmNoteReassign(CrmNotesCommon):
    def _wizard(self, notes=None, **context):
        Wizard = self.env["crm.note.reassign"].with_context(
            active_model="crm.note", active_ids=notes.ids if notes else [], **context
        )
        return Form(Wizard)

    def _messages_to(self, user):
        return (
            self.env["mail.message"]
            .sudo()
            .search([("partner_ids", "in", user.partner_id.ids), ("model", "=", False)])
        )

    @users("notes_manager")
    def test_reassign_selection(self):
        """Selected notes move to the new rep with the new date, one chatter trace
        each (Odoo's tracking values), one summary notification to the rep."""
        notes = self.env["crm.note"].create(
            [{"partner_id": self.customer.id, "user_id": self.rep_own.id}] * 2
        )
        untouched = self.env["crm.note"].create({"partner_id": self.customer.id})
        before = self._messages_to(self.rep_all)
        form = self._wizard(notes)
        self.assertEqual(form.note_count, 2)
        form.user_id = self.rep_all
        form.date_followup = date(2030, 1, 15)
        result = form.save().action_reassign()
        self.assertEqual(notes.mapped("user_id"), self.rep_all)
        self.assertEqual(set(notes.mapped("date_followup")), {date(2030, 1, 15)})
        self.assertEqual(set(notes.mapped("followup_state")), {"upcoming"})
        self.assertEqual(untouched.user_id, self.manager)
        self.assertIn("2 note(s) reassigned", result["params"]["message"])
        self.assertEqual(result["params"]["type"], "success")
        for note in notes:
            trackings = note.sudo().message_ids.tracking_value_ids
            by_field = {t.field_id.name: t for t in trackings}
            self.assertEqual(by_field["user_id"].old_value_char, "Rep Own")
            self.assertEqual(by_field["user_id"].new_value_char, "Rep All")
            self.assertEqual(by_field["user_id"].new_value_integer, self.rep_all.id)
            self.assertIn("date_followup", by_field)
        summary = self._messages_to(self.rep_all) - before
        self.assertEqual(len(summary), 1, "one summary notification, not one per note")
        self.assertIn("2 CRM note(s)", summary.body)

    @users("notes_manager")
    def test_reassign_everything_matching_the_filter(self):
        """Beyond the web client's id limit, the wizard works on the list's domain."""
        notes = self.env["crm.note"].create(
            [{"partner_id": self.customer_2.id, "user_id": self.rep_own.id}] * 5
        )
        self.env["ir.config_parameter"].sudo().set_param("web.active_ids_limit", 3)
        form = self._wizard(
            notes[:3], active_domain=[("partner_id", "=", self.customer_2.id)]
        )
        self.assertEqual(form.note_count, 5)
        form.user_id = self.rep_all
        form.save().action_reassign()
        self.assertEqual(notes.mapped("user_id"), self.rep_all)

    @users("notes_manager")
    def test_refusals(self):
        """An archived rep takes nothing; a rep of another company takes only the notes
        of their companies; both counted, nothing half-written."""
        notes = self.env["crm.note"].create(
            [{"partner_id": self.customer.id, "user_id": self.rep_all.id}] * 3
        )
        archived = self.rep_own.sudo()
        archived.action_archive()
        form = self._wizard(notes)
        form.user_id = archived
        result = form.save().action_reassign()
        self.assertEqual(notes.mapped("user_id"), self.rep_all)
        self.assertIn("0 note(s) reassigned", result["params"]["message"])
        self.assertIn("3 refused", result["params"]["message"])
        self.assertEqual(result["params"]["type"], "warning")

        note_b = self.env["crm.note"].create(
            {"partner_id": self.customer.id, "company_id": self.company_b.id}
        )
        form = self._wizard(notes | note_b)
        form.user_id = self.rep_b
        result = form.save().action_reassign()
        self.assertEqual(note_b.user_id, self.rep_b)
        self.assertEqual(notes.mapped("user_id"), self.rep_all)
        self.assertIn("1 note(s) reassigned", result["params"]["message"])
        self.assertIn("3 refused", result["params"]["message"])
        self.assertIn("no access to the note's company", result["params"]["message"])

    def test_rep_cannot_take_notes_they_cannot_modify(self):
        """A rep with own documents only reassigns their own notes; others refused."""
        mine = self._note(user_id=self.rep_own.id)
        theirs = self._note(user_id=self.manager.id)
        Wizard = self.env["crm.note.reassign"].with_user(self.rep_own)
        wizard = Wizard.create(
            {"note_ids": [(6, 0, (mine | theirs).ids)], "user_id": self.rep_all.id}
        )
        result = wizard.action_reassign()
        self.assertEqual(mine.user_id, self.rep_all)
        self.assertEqual(theirs.user_id, self.manager)
        self.assertIn("1 note(s) reassigned", result["params"]["message"])
        self.assertIn("1 refused", result["params"]["message"])

    def test_nothing_selected(self):
        wizard = self.env["crm.note.reassign"].create({"user_id": self.rep_all.id})
        with self.assertRaisesRegex(UserError, "select notes first"):
            wizard.action_reassign()

    def test_set_based(self):
        """The query count does not grow with the number of notes."""
        counts = []
        for size in (5, 10, 200):  # the first run fills caches
            notes = self.env["crm.note"].create(
                [{"partner_id": self.customer.id, "user_id": self.rep_own.id}] * size
            )
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            notes._reassign(self.rep_all)
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(notes.mapped("user_id"), self.rep_all)
        self.assertEqual(counts[1], counts[2], counts)
