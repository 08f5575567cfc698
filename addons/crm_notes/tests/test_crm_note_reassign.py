# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
from datetime import date
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, tagged, users

from odoo.addons.crm_notes.models.crm_note import CrmNote

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

    @users("notes_rep_all")
    def test_closed_notes_keep_who_handled_them(self):
        """Bulk reassignment leaves closed notes with the rep who handled them,
        and says so."""
        open_note, closed_note = self.env["crm.note"].create(
            [{"partner_id": self.customer.id, "user_id": self.rep_all.id}] * 2
        )
        closed_note.action_done()
        form = self._wizard(open_note | closed_note)
        form.user_id = self.manager
        result = form.save().action_reassign()
        self.assertEqual(open_note.user_id, self.manager)
        self.assertEqual(closed_note.user_id, self.rep_all)
        self.assertFalse(
            closed_note.sudo().message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "user_id"
            ),
            "no 'Assigned to' trace on the closed note",
        )
        self.assertIn("1 note(s) reassigned", result["params"]["message"])
        self.assertIn("closed notes keep who handled them", result["params"]["message"])

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


@tagged("post_install", "-at_install")
class TestCrmNoteReassignLikeOdoo(CrmNotesCommon):
    """The set-based reassignment leaves in the database what Odoo's tracked
    write of `user_id` leaves: the chatter message (every column), its tracking
    values and the new assignee as follower."""

    # Columns that differ between any two messages by nature.
    VOLATILE = {"id", "res_id", "mail_message_id", "message_id", "date"}
    VOLATILE |= {"create_date", "write_date"}

    def _rows(self, table, where, params):
        self.env.flush_all()
        self.env.cr.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", params)
        return self.env.cr.dictfetchall()

    def _left(self, note, after):
        """(messages, tracking values, followers) of the note, messages since
        message `after`, volatile columns left out; followers as {partner:
        subtypes}."""
        messages = self._rows(
            "mail_message",
            "model = 'crm.note' AND res_id = %s AND message_type = 'notification'"
            " AND id > %s",
            [note.id, after],
        )
        trackings = self._rows(
            "mail_tracking_value",
            "mail_message_id = ANY(%s)",
            [[m["id"] for m in messages]],
        )
        self.env.cr.execute(
            """SELECT f.partner_id, array_agg(r.mail_message_subtype_id ORDER BY 1)
                 FROM mail_followers f
            LEFT JOIN mail_followers_mail_message_subtype_rel r
                   ON r.mail_followers_id = f.id
                WHERE f.res_model = 'crm.note' AND f.res_id = %s
             GROUP BY f.partner_id""",
            [note.id],
        )
        followers = dict(self.env.cr.fetchall())
        for message in messages:
            self.assertRegex(
                message["message_id"] or "", r"^<\d{15}\.\d+\.\d{15}-openerp-.+@.+>$"
            )
        strip = lambda rows: [  # noqa: E731
            {k: v for k, v in row.items() if k not in self.VOLATILE} for row in rows
        ]
        return (
            strip(messages),
            sorted(strip(trackings), key=lambda t: t["field_id"]),
            followers,
        )

    def test_same_database_rows_as_odoo_tracked_write(self):
        self.rep_own.partner_id.email = "rep.own@example.com"
        self.manager.partner_id.email = "manager@example.com"
        new_date = date(2030, 1, 15)
        ours, odoo = self.env["crm.note"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "user_id": self.rep_own.id,
                    "date_followup": date(2029, 5, 1),
                }
            ]
            * 2
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # creation tracking out of the way
        after = self.env["mail.message"].sudo().search([], limit=1, order="id desc").id
        manager_env = self.env(user=self.manager)
        ours.with_env(manager_env)._reassign(self.rep_all, new_date)
        odoo.with_env(manager_env).write(
            {"user_id": self.rep_all.id, "date_followup": new_date}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # Odoo writes its tracking at pre-commit
        ours_left, odoo_left = self._left(ours, after), self._left(odoo, after)
        self.assertEqual(len(ours_left[0]), 1, "one chatter message")
        self.assertEqual(ours_left[0], odoo_left[0], "mail_message columns")
        self.assertEqual(len(ours_left[1]), 2, "user and date tracked")
        self.assertEqual(ours_left[1], odoo_left[1], "mail_tracking_value columns")
        self.assertIn(self.rep_all.partner_id.id, ours_left[2], "assignee follows")
        self.assertEqual(ours_left[2], odoo_left[2], "followers and their subtypes")

        # the chatter and the messages' search see it as Odoo's
        def shown(note):
            trackings = note.message_ids.tracking_value_ids._tracking_value_format()
            return [{k: v for k, v in t.items() if k != "id"} for t in trackings]

        self.assertEqual(shown(ours), shown(odoo))
        self.assertIn(self.rep_all.partner_id, ours.message_partner_ids)


@tagged("post_install", "-at_install")
class TestCrmNoteReassignQueued(CrmNotesCommon):
    """More notes than one chunk: the request only queues them, the cron moves
    them chunk by chunk and tells the user who asked; nothing is committed by
    the request, so an error after it leaves nothing half done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["crm_notes"], ["fr_FR"], overwrite=True
        )
        cls.rep_all.lang = "fr_FR"
        cls.Job = cls.env["crm.note.reassign.job"]
        cls.cron = cls.env.ref("crm_notes.ir_cron_crm_note_reassign")

    def setUp(self):
        super().setUp()
        # a chunk of 2 notes: 5 notes are "too many for one request"
        self.startPatcher(patch.object(CrmNote, "_reassign_chunk", 2))

    def _run_cron(self):
        """One cron batch, reporting progress as Odoo's cron runner has it."""
        progress = self.env["ir.cron.progress"].create({"cron_id": self.cron.id})
        self.Job.with_context(ir_cron_progress_id=progress.id)._cron_reassign()
        return progress

    def _inbox(self, user):
        return (
            self.env["mail.message"]
            .sudo()
            .search(
                [("partner_ids", "in", user.partner_id.ids), ("model", "=", False)],
                order="id",
            )
        )

    def test_wizard_queues_then_cron_moves_and_notifies(self):
        notes = self.env["crm.note"].create(
            [{"partner_id": self.customer.id, "user_id": self.rep_all.id}] * 5
        )
        closed = self._note(user_id=self.rep_all.id)
        closed.action_done()
        inbox_before = self._inbox(self.rep_all)
        triggers_before = self.env["ir.cron.trigger"].search_count(
            [("cron_id", "=", self.cron.id)]
        )
        wizard = (
            self.env["crm.note.reassign"]
            .with_user(self.rep_all)
            .with_context(active_model="crm.note", active_ids=(notes | closed).ids)
        )
        form = Form(wizard)
        form.user_id = self.rep_own
        form.date_followup = date(2030, 1, 15)
        result = form.save().action_reassign()
        message = result["params"]["message"]
        self.assertIn(
            "5 note(s) will be reassigned to Rep Own in the background", message
        )
        self.assertIn("1: closed notes keep who handled them", message)
        self.assertEqual(notes.mapped("user_id"), self.rep_all, "nothing moved yet")
        job = self.Job.sudo().search([])
        self.assertEqual(job.note_ids, notes)
        self.assertEqual(job.requester_id, self.rep_all)
        self.assertGreater(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", self.cron.id)]),
            triggers_before,
            "the cron is woken up",
        )

        progress = self._run_cron()
        self.assertEqual((progress.done, progress.remaining), (2, 3))
        self.assertEqual(len(notes.filtered(lambda n: n.user_id == self.rep_own)), 2)
        self.assertEqual(self._inbox(self.rep_all), inbox_before, "not done yet")
        self._run_cron()
        bus_before = self.env["bus.bus"].search([], order="id desc", limit=1).id
        progress = self._run_cron()
        self.assertEqual((progress.done, progress.remaining), (1, 0))
        self.assertFalse(job.exists(), "a finished job is forgotten")
        self.assertEqual(notes.mapped("user_id"), self.rep_own)
        self.assertEqual(set(notes.mapped("date_followup")), {date(2030, 1, 15)})
        self.assertEqual(closed.user_id, self.rep_all)
        for note in notes:
            self.assertIn(self.rep_own.partner_id, note.message_partner_ids)
            self.assertEqual(
                note.message_ids[0].author_id,
                self.rep_all.partner_id,
                "the chatter trace is the requester's",
            )
        # the requester is told, in their language (French)
        done = self._inbox(self.rep_all) - inbox_before
        self.assertEqual(len(done), 1)
        self.assertEqual(done.subject, "Réattribution en masse terminée")
        self.assertIn("5 note(s) réattribuée(s) à Rep Own.", done.body)
        self.env.cr.precommit.run()  # bus notifications are created at commit
        sent = [
            json.loads(bus.message)
            for bus in self.env["bus.bus"].search([("id", ">", bus_before)])
        ]
        toasts = [n["payload"] for n in sent if n["type"] == "simple_notification"]
        self.assertEqual(len(toasts), 1)
        self.assertEqual(toasts[0]["title"], "Réattribution en masse terminée")
        # the new assignee gets one summary, in their language (English)
        summary = self._inbox(self.rep_own)
        self.assertEqual(len(summary), 1)
        self.assertIn("5 CRM note(s)", summary.body)
        # nothing left: another run does nothing
        progress = self._run_cron()
        self.assertEqual((progress.done, progress.remaining), (0, 0))

    def test_partner_salesperson_queues_and_rolls_back_whole(self):
        """Notes follow the salesperson: beyond a chunk, the contact's save only
        queues them; an error after it in the same request undoes the save and
        the queued job alike."""
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_notes.follow_salesperson", "1"
        )
        notes = self.env["crm.note"].create(
            [{"partner_id": self.customer.id, "user_id": self.rep_own.id}] * 3
        )
        with self.assertRaises(ZeroDivisionError), self.env.cr.savepoint():
            with Form(self.customer.with_user(self.rep_all)) as partner:
                partner.user_id = self.manager
            self.assertTrue(self.Job.sudo().search([]))
            _ = 1 / 0  # any error later in the same request
        self.assertFalse(self.Job.sudo().search([]))
        self.assertEqual(notes.mapped("user_id"), self.rep_own)
        self.assertEqual(self.customer.user_id, self.env["res.users"])

        with Form(self.customer.with_user(self.rep_all)) as partner:
            partner.user_id = self.manager
        self.assertEqual(notes.mapped("user_id"), self.rep_own, "queued")
        self._run_cron()
        self._run_cron()
        self.assertEqual(notes.mapped("user_id"), self.manager)
        self.assertFalse(self.Job.sudo().search([]))

    def test_partner_salesperson_below_a_chunk_in_the_request(self):
        """Up to a chunk, the notes move in the contact's save itself, and an error
        after it undoes both."""
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_notes.follow_salesperson", "1"
        )
        notes = self.env["crm.note"].create(
            [{"partner_id": self.customer.id, "user_id": self.rep_own.id}] * 2
        )
        with self.assertRaises(ZeroDivisionError), self.env.cr.savepoint():
            self.customer.with_user(self.rep_all).user_id = self.manager
            self.assertEqual(notes.mapped("user_id"), self.manager)
            _ = 1 / 0
        self.env.invalidate_all()
        self.assertEqual(notes.mapped("user_id"), self.rep_own)
        self.customer.with_user(self.rep_all).user_id = self.manager
        self.assertEqual(notes.mapped("user_id"), self.manager)
        self.assertFalse(self.Job.sudo().search([]))

    def test_failed_job_does_not_block_the_queue(self):
        """A job that fails is set aside, its requester told; the next is done."""
        first, second = (
            self.env["crm.note"].create(
                [{"partner_id": self.customer.id, "user_id": self.rep_own.id}] * 3
            )
            for _i in range(2)
        )
        self.Job.with_user(self.rep_all)._queue(first, self.manager)
        self.Job._queue(second, self.manager)
        inbox_before = self._inbox(self.rep_all)
        write = CrmNote._reassign_write

        def broken(notes, *args, **kwargs):
            if notes & first:
                raise ValueError("boom")
            return write(notes, *args, **kwargs)

        with (
            patch.object(CrmNote, "_reassign_write", broken),
            self.assertLogs(
                "odoo.addons.crm_notes.models.crm_note_reassign_job", "ERROR"
            ),
        ):
            self._run_cron()
        for _i in range(2):
            self._run_cron()
        self.assertEqual(first.mapped("user_id"), self.rep_own)
        self.assertEqual(second.mapped("user_id"), self.manager)
        failed = self.Job.sudo().search([])
        self.assertEqual(failed.state, "failed")
        told = self._inbox(self.rep_all) - inbox_before
        self.assertEqual(told.subject, "Échec de la réattribution en masse")
