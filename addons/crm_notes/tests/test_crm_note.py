# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged, users

from .common import CrmNotesCommon


@tagged("post_install", "-at_install")
class TestCrmNote(CrmNotesCommon):
    @users("notes_rep_own")
    def test_create_defaults(self):
        """A new note is assigned to its author, in the current company, open, with a
        line for every variable of the company."""
        with Form(self.env["crm.note"]) as form:
            form.partner_id = self.customer
            form.status_id = self.status_cold
            form.action_id = self.action_call
        note = form.record
        self.assertIn(self.variable_store, note.variable_value_ids.variable_id)
        self.assertEqual(note.user_id, self.rep_own)
        self.assertEqual(note.company_id, self.env.company)
        self.assertEqual(note.state, "open")
        self.assertEqual(note.followup_state, "none")

    def test_assignee_is_not_the_salesperson(self):
        """The assignee is independent of the customer's salesperson."""
        self.customer.user_id = self.rep_all
        note = self._note(user_id=self.rep_own.id)
        self.assertEqual(note.user_id, self.rep_own)
        self.assertEqual(self.customer.user_id, self.rep_all)

    def test_close_previous(self):
        """ "Close last note" closes the customer's open notes, not others'."""
        first = self._note()
        second = self._note()
        other = self._note(partner_id=self.customer_2.id)
        new = self._note(close_previous=True)
        self.assertEqual((first | second).mapped("state"), ["done", "done"])
        self.assertEqual(new.state, "open")
        self.assertEqual(other.state, "open")
        # without the box, nothing is closed
        newer = self._note()
        self.assertEqual(new.state, "open")
        self.assertEqual(newer.state, "open")

    def test_mark_done_keeps_the_note(self):
        note = self._note()
        note.with_user(self.manager).action_done()
        self.assertTrue(note.exists())
        self.assertEqual(note.state, "done")
        self.assertEqual(note.done_user_id, self.manager)
        self.assertTrue(note.date_done)
        self.assertEqual(note.followup_state, "done")

    def test_done_and_new(self):
        """Mark done + new: the note closes and a new one opens with the same customer,
        assignee and variables."""
        note = self._note(
            user_id=self.rep_all.id,
            variable_value_ids=[
                (
                    0,
                    0,
                    {
                        "variable_id": self.variable_store.id,
                        "option_id": self.opt_toys.id,
                    },
                )
            ],
        )
        action = note.action_done_and_new()
        self.assertEqual(note.state, "done")
        self.assertEqual(action["res_model"], "crm.note")
        new_form = Form(self.env["crm.note"].with_context(**action["context"]))
        new_form.action_id = self.action_call
        new = new_form.save()
        self.assertEqual(new.partner_id, self.customer)
        self.assertEqual(new.user_id, self.rep_all)
        self.assertEqual(new.state, "open")
        self.assertIn(self.opt_toys, new.variable_option_ids)

    def test_archiving_the_assignee_keeps_notes(self):
        """Unlike activities, notes survive their user's archiving."""
        note = self._note(user_id=self.rep_own.id)
        self.rep_own.action_archive()
        self.assertTrue(note.exists())
        self.assertEqual(note.user_id, self.rep_own)

    @freeze_time("2026-03-10")
    def test_overdue(self):
        """Overdue: follow-up date passed and not done; searchable, and grouped."""
        past = self._note(date_followup=date(2026, 3, 1))
        today = self._note(date_followup=date(2026, 3, 10))
        future = self._note(date_followup=date(2026, 3, 20))
        closed = self._note(date_followup=date(2026, 3, 1))
        closed.action_done()
        notes = past | today | future | closed
        self.assertEqual(
            notes.mapped("followup_state"), ["overdue", "today", "upcoming", "done"]
        )
        self.assertEqual(notes.mapped("is_overdue"), [True, False, False, False])
        Note = self.env["crm.note"]
        self.assertEqual(
            Note.search([("id", "in", notes.ids), ("is_overdue", "=", True)]), past
        )
        self.assertEqual(
            Note.search([("id", "in", notes.ids), ("is_overdue", "=", False)]),
            today | future | closed,
        )
        with self.assertRaises(UserError):
            Note.search([("is_overdue", "in", [True])])
        with freeze_time("2026-03-11"):
            Note._cron_refresh_followup_state()
            self.assertEqual(today.followup_state, "overdue")
            self.assertEqual(future.followup_state, "upcoming")
            self.assertEqual(closed.followup_state, "done")

    def test_group_expand_shows_the_four_columns(self):
        groups = self.env["crm.note"].read_group(
            [("id", "=", 0)], ["followup_state"], ["followup_state"]
        )
        self.assertEqual(
            [g["followup_state"] for g in groups],
            ["overdue", "today", "upcoming", "done"],
        )

    def test_customer_status_column(self):
        """The customer shows the status of its latest open note."""
        self.assertFalse(self.customer.crm_note_status_id)
        first = self._note(status_id=self.status_cold.id)
        self.assertEqual(self.customer.crm_note_status_id, self.status_cold)
        second = self._note(status_id=self.status_late.id)
        self.assertEqual(self.customer.crm_note_status_id, self.status_late)
        self.assertEqual(self.customer.crm_note_count, 2)
        second.action_done()
        self.assertEqual(self.customer.crm_note_status_id, self.status_cold)
        first.status_id = self.status_late
        self.assertEqual(self.customer.crm_note_status_id, self.status_late)
        first.action_done()
        self.assertFalse(self.customer.crm_note_status_id)
        found = self.env["res.partner"].search(
            [("crm_note_status_id", "=", self.status_late.id)]
        )
        self.assertNotIn(self.customer, found)

    def test_customer_list_reads_status_without_per_row_queries(self):
        """80 customers' list columns cost the same queries with or without notes."""
        partners = self.env["res.partner"].create(
            [{"name": f"List customer {i}"} for i in range(80)]
        )
        self.env["crm.note"].create(
            [{"partner_id": p.id, "status_id": self.status_cold.id} for p in partners]
        )
        spec = {"display_name": {}, "email": {}, "crm_note_status_id": {"fields": {}}}
        domain = [("id", "in", partners.ids)]
        self.env.invalidate_all()
        # the partners, the latest open note per partner (one query for all rows,
        # in the user's companies) and the statuses' names
        with self.assertQueryCount(4):
            records = self.env["res.partner"].web_search_read(domain, spec)
        self.assertEqual(records["length"], 80)
        self.assertEqual(
            {r["crm_note_status_id"]["id"] for r in records["records"]},
            {self.status_cold.id},
        )

    def test_status_in_use_cannot_be_deleted(self):
        self._note(status_id=self.status_cold.id, action_id=self.action_call.id)
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self.status_cold.unlink()
        with self.assertRaisesRegex(UserError, "archive it instead"):
            self.action_call.unlink()
        self.status_cold.action_archive()
        self.assertFalse(self.status_cold.active)
        self.status_late.unlink()  # unused: deleted
        self.assertFalse(self.status_late.exists())

    def test_variable_values(self):
        """Options belong to their variable; a list variable needs options; notes are
        found by any variable value."""
        with self.assertRaises(ValidationError):
            self.env["crm.note.variable"].create({"name": "Empty list"})
        ranking = self.env["crm.note.variable"].create(
            {"name": "Ranking", "option_ids": [(0, 0, {"name": "A"})]}
        )
        with self.assertRaises(ValidationError):
            self._note(
                variable_value_ids=[
                    (
                        0,
                        0,
                        {"variable_id": ranking.id, "option_id": self.opt_grocery.id},
                    )
                ]
            )
        note = self._note(
            variable_value_ids=[
                (
                    0,
                    0,
                    {
                        "variable_id": self.variable_store.id,
                        "option_id": self.opt_grocery.id,
                    },
                ),
                (0, 0, {"variable_id": ranking.id, "option_id": ranking.option_ids.id}),
            ]
        )
        self.assertEqual(
            note.variable_option_ids, self.opt_grocery | ranking.option_ids
        )
        found = self.env["crm.note"].search(
            [("variable_option_ids", "=", self.opt_grocery.id)]
        )
        self.assertIn(note, found)
        with self.assertRaisesRegex(UserError, "chosen on notes"):
            self.opt_grocery.unlink()

    def test_past_followup_allowed_and_overdue(self):
        """A follow-up date in the past is accepted on create, and flagged overdue."""
        note = self._note(date_followup=date(2000, 1, 1))
        self.assertTrue(note.is_overdue)
        self.assertEqual(note.followup_state, "overdue")

    def test_follow_salesperson(self):
        """With the setting on, a new salesperson takes the customer's open notes."""
        open_note = self._note(user_id=self.rep_own.id)
        done_note = self._note(user_id=self.rep_own.id)
        done_note.action_done()
        self.customer.user_id = self.rep_all
        self.assertEqual(open_note.user_id, self.rep_own, "setting off: notes stay")
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_notes.follow_salesperson", "1"
        )
        self.customer.user_id = self.manager
        self.assertEqual(open_note.user_id, self.manager)
        self.assertEqual(done_note.user_id, self.rep_own, "closed notes are history")

    @users("notes_rep_own")
    def test_own_notes_only(self):
        """A rep with "own documents" sees the notes assigned to them or to nobody."""
        Note = self.env["crm.note"].sudo()
        mine = Note.create({"partner_id": self.customer.id, "user_id": self.rep_own.id})
        nobody = Note.create({"partner_id": self.customer.id, "user_id": False})
        theirs = Note.create(
            {"partner_id": self.customer.id, "user_id": self.rep_all.id}
        )
        visible = self.env["crm.note"].search(
            [("id", "in", (mine | nobody | theirs).ids)]
        )
        self.assertEqual(visible, mine | nobody)

    @users("notes_rep_all")
    def test_all_notes(self):
        Note = self.env["crm.note"].sudo()
        notes = Note.create(
            [
                {"partner_id": self.customer.id, "user_id": self.rep_own.id},
                {"partner_id": self.customer.id, "user_id": self.manager.id},
            ]
        )
        self.assertEqual(self.env["crm.note"].search([("id", "in", notes.ids)]), notes)

    @users("notes_rep_own")
    def test_rep_cannot_configure_nor_delete(self):
        with self.assertRaises(UserError):
            self.env["crm.note.status"].create({"name": "Rep status"})
        note = self.env["crm.note"].create({"partner_id": self.customer.id})
        with self.assertRaises(UserError):
            note.unlink()

    def test_chatter_tracks_changes(self):
        note = self._note(status_id=self.status_cold.id)
        # records created in a transaction are not tracked in it: end its pre-commit
        self.env.flush_all()
        self.env.cr.precommit.run()
        note.status_id = self.status_late
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is written at pre-commit
        tracked = note.message_ids.tracking_value_ids.field_id.mapped("name")
        self.assertIn("status_id", tracked)

    @users("notes_rep_own")
    def test_kanban_done_column_folded(self):
        """The kanban's follow-up columns: the open ones unfolded, *Done* folded (as
        a folded stage), so that the columns fit a 1440 px screen."""
        self._note(user_id=self.rep_own.id).action_done()
        result = self.env["crm.note"].web_read_group(
            [], ["__count"], ["followup_state"], lazy=True
        )
        folds = {g["followup_state"]: g.get("__fold", False) for g in result["groups"]}
        self.assertEqual(
            folds, {"overdue": False, "today": False, "upcoming": False, "done": True}
        )
        # reports and exports (read_group) are left as Odoo gives them
        groups = self.env["crm.note"].read_group([], ["__count"], ["followup_state"])
        self.assertFalse(any("__fold" in g for g in groups))


@tagged("post_install", "-at_install")
class TestCrmNoteFrench(CrmNotesCommon):
    """What a French salesperson reads: the note is feminine, the creation message
    names the model in French, the variables column says what it holds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["mail", "crm_notes"], ["fr_FR"], overwrite=True
        )
        cls.rep_own.lang = "fr_FR"

    @users("notes_rep_own")
    def test_creation_message_in_french(self):
        """Odoo's "<model> created" in one language, also when the context names none
        (data files, crons, scripts): `_` then takes the user's language, and the
        model's name must follow ("CRM Note créé" before)."""
        with Form(self.env["crm.note"]) as form:
            form.partner_id = self.customer
        note = form.record
        self.env.flush_all()
        self.assertEqual(
            [str(m.body) for m in note.message_ids], ["<p>Note CRM créé</p>"]
        )

    @users("notes_rep_own")
    def test_wording(self):
        Note = self.env["crm.note"].with_context(lang="fr_FR")
        form = Note.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn('string="Marquer comme terminée"', form)
        self.assertIn('string="Marquer comme terminée + nouvelle note"', form)
        self.assertNotIn('terminé"', form)
        followup = Note.fields_get(["followup_state"])["followup_state"]
        labels = dict(followup["selection"])
        self.assertEqual(labels["done"], "Terminée")
        states = dict(Note._fields["state"]._description_selection(Note.env))
        self.assertEqual(states["done"], "Terminée")
        option = Note.fields_get(["variable_option_ids"])["variable_option_ids"]
        self.assertEqual(option["string"], "Valeurs des variables")
        self.assertIn("Magasin", option["help"])
        action = self.env.ref("crm_notes.crm_note_action_mark_done").sudo()
        self.assertEqual(
            action.with_context(lang="fr_FR").name, "Marquer comme terminée"
        )
