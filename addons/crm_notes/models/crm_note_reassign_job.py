# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from markupsafe import Markup

from odoo import api, fields, models

_logger = logging.getLogger(__name__)


class CrmNoteReassignJob(models.Model):
    """A bulk reassignment too big for one request, done by the cron.

    The request that asked for it checked the rights and queued the notes; the
    cron moves them one chunk per batch (`crm.note._reassign_write`, as the user
    who asked), forgets each chunk's notes as it commits them, and tells the user
    who asked when everything is done.
    """

    _name = "crm.note.reassign.job"
    _description = "Queued CRM Note Reassignment"
    _order = "id"

    requester_id = fields.Many2one(
        comodel_name="res.users",
        string="Requested by",
        required=True,
        ondelete="cascade",
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        ondelete="cascade",
        default=lambda self: self.env.company,
        help="The requester's current company: the chatter traces' reply-to.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users", string="Assign to", required=True, ondelete="cascade"
    )
    date_followup = fields.Date(string="New follow-up date")
    note_ids = fields.Many2many(
        comodel_name="crm.note",
        relation="crm_note_reassign_job_note_rel",
        column1="job_id",
        column2="note_id",
        string="Notes left to reassign",
    )
    moved_count = fields.Integer(string="Notes reassigned")
    refused_count = fields.Integer(string="Notes refused")
    state = fields.Selection(
        selection=[("todo", "To do"), ("failed", "Failed")],
        default="todo",
        required=True,
    )

    @api.model
    def _queue(self, notes, user, date_followup=False):
        """Queue `notes` (already allowed for `user`) and wake the cron up."""
        # sudo: the caller checked the requester's rights on the notes; nobody
        # but the cron and administrators reads jobs.
        job = self.sudo().create(
            {
                "user_id": user.id,
                "date_followup": date_followup,
                "note_ids": [fields.Command.set(notes.ids)],
            }
        )
        self.env.ref("crm_notes.ir_cron_crm_note_reassign")._trigger()
        return job

    @api.model
    def _cron_reassign(self):
        """One chunk of the oldest job nobody else is working on, per call: the
        cron runner commits after each call and calls again while
        `_notify_progress` reports notes remaining. Idempotent: a chunk's notes
        leave the job in the transaction that moves them."""
        self.env.cr.execute(
            """SELECT id FROM crm_note_reassign_job
                WHERE state = 'todo'
             ORDER BY id LIMIT 1
                  FOR UPDATE SKIP LOCKED"""
        )
        row = self.env.cr.fetchone()
        done = self.browse(row[0])._run_chunk() if row else 0
        self.env.flush_all()
        self.env.cr.execute(
            """SELECT count(*)
                 FROM crm_note_reassign_job_note_rel AS rel
                 JOIN crm_note_reassign_job AS job ON job.id = rel.job_id
                WHERE job.state = 'todo'"""
        )
        remaining = self.env.cr.fetchone()[0]
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        if done and remaining and not self.env.context.get("cron_id"):
            # run manually or from a test: the runner is not there to call again
            # (the cron worker calls again itself while progress reports remaining)
            self.env.ref("crm_notes.ir_cron_crm_note_reassign")._trigger()

    def _run_chunk(self):
        """Move the next chunk of the job's notes; finish the job after its last
        chunk. Returns how many notes left the job."""
        self.ensure_one()
        Note = self.env["crm.note"]
        self.env.cr.execute(
            """SELECT note_id FROM crm_note_reassign_job_note_rel
                WHERE job_id = %s ORDER BY note_id LIMIT %s""",
            [self.id, Note._reassign_chunk],
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        # As the user who asked, in the company they worked in: the chatter
        # traces are theirs, as if the request had written them. sudo: the
        # request checked their rights on these notes when it queued them.
        notes = (
            Note.with_user(self.requester_id)
            .with_company(self.company_id)
            .sudo()
            .browse(ids)
        )
        try:
            with self.env.cr.savepoint():
                allowed, refusals = notes._reassign_filter(self.user_id)
                moved = allowed._reassign_write(
                    self.user_id, self.date_followup, notify=False
                )
                self.env.cr.execute(
                    """DELETE FROM crm_note_reassign_job_note_rel
                        WHERE job_id = %s AND note_id = ANY(%s)""",
                    [self.id, ids],
                )
        except Exception:
            _logger.exception("Bulk reassignment job %s failed", self.id)
            self.state = "failed"
            self._notify_requester()
            return 0
        self.invalidate_recordset(["note_ids"])
        self.moved_count += moved
        self.refused_count += sum(refusals.values())
        if not self.note_ids:
            if self.moved_count:
                notes._notify_reassigned(self.user_id, self.moved_count)
            self._notify_requester()
            self.unlink()
        return len(ids)

    def _notify_requester(self):
        """Tell the user who asked, in their language: an inbox message and a
        notification in their open web clients."""
        self.ensure_one()
        requester = self.requester_id
        env = self.with_context(lang=requester.lang).env
        if self.state == "failed":
            title = env._("Bulk reassignment failed")
            message = env._(
                "The reassignment to %(user)s stopped: %(moved)s note(s) reassigned,"
                " %(left)s not. Ask your administrator to look at the server log.",
                user=self.user_id.name,
                moved=self.moved_count,
                left=len(self.note_ids),
            )
            kind = "danger"
        else:
            title = env._("Bulk reassignment done")
            message = env._(
                "%(moved)s note(s) reassigned to %(user)s.",
                moved=self.moved_count,
                user=self.user_id.name,
            )
            kind = "success"
            if self.refused_count:
                message += " " + env._(
                    "%(refused)s not reassigned: closed, or out of %(user)s's"
                    " reach, since your request.",
                    refused=self.refused_count,
                    user=self.user_id.name,
                )
                kind = "warning"
        env["mail.thread"].sudo().message_notify(
            partner_ids=requester.partner_id.ids,
            subject=title,
            body=Markup("<p>%s</p>") % message,
            email_layout_xmlid="mail.mail_notification_light",
        )
        requester._bus_send(
            "simple_notification",
            {"title": title, "message": message, "type": kind, "sticky": True},
        )
