# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import socket
import time
from collections import Counter

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import split_every

FOLLOWUP_STATES = [
    ("overdue", "Overdue"),
    ("today", "Today"),
    ("upcoming", "Upcoming"),
    ("none", "No date"),
    ("done", "Done"),
]

# One statement per chunk of notes: move the open ones, then leave what Odoo's
# tracked write of `user_id` leaves (mail.thread `_message_track` ->
# `_message_log`, and `_message_auto_subscribe`): one chatter message per moved
# note with the columns `_message_log_batch` fills, Odoo's tracking values, and
# the new assignee as follower with the model's default subtypes. A test
# compares the rows column by column with those of Odoo's tracked write.
# The ORM path (write + mail.thread tracking + assignment notification) costs
# about 12 queries and 18 ms per record: see benchmarks/bench_note_reassign.py.
# Closed notes are never moved: they keep who handled them.
REASSIGN_SQL = """
WITH old AS (
    SELECT id, user_id, date_followup
      FROM crm_note
     WHERE id = ANY(%(ids)s)
       AND state = 'open'
       AND (user_id IS DISTINCT FROM %(user)s
            OR (%(date)s::date IS NOT NULL
                AND date_followup IS DISTINCT FROM %(date)s::date))
       FOR UPDATE
), moved AS (
    UPDATE crm_note AS n
       SET user_id = %(user)s,
           date_followup = COALESCE(%(date)s::date, n.date_followup),
           followup_state = CASE
               WHEN COALESCE(%(date)s::date, n.date_followup) IS NULL THEN 'none'
               WHEN COALESCE(%(date)s::date, n.date_followup) < %(today)s THEN 'overdue'
               WHEN COALESCE(%(date)s::date, n.date_followup) = %(today)s THEN 'today'
               ELSE 'upcoming' END,
           write_uid = %(uid)s,
           write_date = %(now)s
      FROM old
     WHERE n.id = old.id
 RETURNING n.id, old.user_id AS old_user_id, old.date_followup AS old_date
), message AS (
    INSERT INTO mail_message (model, res_id, message_type, subtype_id, is_internal,
                              author_id, email_from, reply_to, message_id,
                              email_add_signature, body, date,
                              create_uid, create_date, write_uid, write_date)
    SELECT 'crm.note', moved.id, 'notification', %(subtype)s, TRUE,
           %(author)s, %(email_from)s, %(reply_to)s,
           -- tools.mail.generate_tracking_message_id('message-notify'), per row
           format('<%%s.%%s-openerp-message-notify@%%s>',
                  lpad(floor(random() * 1e15)::bigint::text, 15, '0'),
                  %(time)s, %(host)s),
           FALSE, %(body)s, %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
      FROM moved
 RETURNING id, res_id
), user_tracking AS (
    INSERT INTO mail_tracking_value (field_id, mail_message_id,
                                     old_value_integer, new_value_integer,
                                     old_value_char, new_value_char,
                                     create_uid, create_date, write_uid, write_date)
    SELECT %(user_field)s, message.id, COALESCE(moved.old_user_id, 0), %(user)s,
           COALESCE(partner.name, ''), %(user_name)s,
           %(uid)s, %(now)s, %(uid)s, %(now)s
      FROM message
      JOIN moved ON moved.id = message.res_id
 LEFT JOIN res_users ON res_users.id = moved.old_user_id
 LEFT JOIN res_partner AS partner ON partner.id = res_users.partner_id
     WHERE moved.old_user_id IS DISTINCT FROM %(user)s
), date_tracking AS (
    INSERT INTO mail_tracking_value (field_id, mail_message_id, old_value_datetime,
                                     new_value_datetime,
                                     create_uid, create_date, write_uid, write_date)
    SELECT %(date_field)s, message.id, moved.old_date, %(date)s::date,
           %(uid)s, %(now)s, %(uid)s, %(now)s
      FROM message
      JOIN moved ON moved.id = message.res_id
     WHERE %(date)s::date IS NOT NULL AND moved.old_date IS DISTINCT FROM %(date)s::date
), follower AS (
    INSERT INTO mail_followers (res_model, res_id, partner_id)
    SELECT 'crm.note', moved.id, %(partner)s
      FROM moved
ON CONFLICT (res_model, res_id, partner_id) DO NOTHING
 RETURNING id
), follower_subtype AS (
    INSERT INTO mail_followers_mail_message_subtype_rel (mail_followers_id,
                                                         mail_message_subtype_id)
    SELECT follower.id, subtype.id
      FROM follower, unnest(%(subtypes)s::int[]) AS subtype(id)
)
SELECT count(*) FROM moved
"""

# The cron's refresh of the Overdue / Today / Upcoming grouping, set-based.
REFRESH_STATE_SQL = """
UPDATE crm_note
   SET followup_state = CASE
           WHEN date_followup IS NULL THEN 'none'
           WHEN date_followup < %(today)s THEN 'overdue'
           WHEN date_followup = %(today)s THEN 'today'
           ELSE 'upcoming' END
 WHERE state = 'open'
   AND followup_state IS DISTINCT FROM CASE
           WHEN date_followup IS NULL THEN 'none'
           WHEN date_followup < %(today)s THEN 'overdue'
           WHEN date_followup = %(today)s THEN 'today'
           ELSE 'upcoming' END
"""


class CrmNote(models.Model):
    _name = "crm.note"
    _description = "CRM Note"
    _inherit = ["mail.thread"]
    _order = "state desc, date_followup, id desc"
    _check_company_auto = True
    # Bulk reassignment: one statement per chunk of this size; a request moves at
    # most one chunk, more is queued for the cron (one chunk per cron batch), so
    # row locks are never held on a whole territory at once.
    _reassign_chunk = 10000

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    lead_id = fields.Many2one(
        comodel_name="crm.lead",
        string="Lead/Opportunity",
        check_company=True,
        ondelete="set null",
        domain="[('partner_id', 'child_of', partner_id)]",
        tracking=True,
    )
    status_id = fields.Many2one(
        comodel_name="crm.note.status",
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    color = fields.Integer(related="status_id.color")
    action_id = fields.Many2one(
        comodel_name="crm.note.action",
        tracking=True,
        check_company=True,
        ondelete="restrict",
    )
    date_followup = fields.Date(string="Follow-up date", index=True, tracking=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assigned to",
        default=lambda self: self.env.user,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('share', '=', False)]",
        help="Who follows this note up; independent of the customer's salesperson.",
    )
    description = fields.Html()
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        selection=[("open", "Open"), ("done", "Done")],
        default="open",
        required=True,
        tracking=True,
        copy=False,
    )
    date_done = fields.Datetime(string="Done on", readonly=True, copy=False)
    done_user_id = fields.Many2one(
        comodel_name="res.users", string="Done by", readonly=True, copy=False
    )
    followup_state = fields.Selection(
        selection=FOLLOWUP_STATES,
        string="Follow-up",
        compute="_compute_followup_state",
        store=True,
        group_expand="_group_expand_followup_state",
        help="Refreshed every hour by the cron “CRM notes: follow-up grouping”.",
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        search="_search_is_overdue",
        help="Follow-up date passed and the note not done.",
    )
    variable_value_ids = fields.One2many(
        comodel_name="crm.note.variable.value",
        inverse_name="note_id",
        string="Variables",
        copy=True,
        default=lambda self: self._default_variable_value_ids(),
    )
    variable_option_ids = fields.Many2many(
        comodel_name="crm.note.variable.option",
        string="Variable values",
        compute="_compute_variable_option_ids",
        store=True,
        help="The option chosen for each variable of the note (e.g. Store: Grocery), "
        "to filter and group notes by it.",
    )
    variable_value_search = fields.Char(
        string="Variable value",
        compute="_compute_variable_value_search",
        search="_search_variable_value_search",
        help="Finds the notes whose text variables contain the words searched, whose "
        "options are named so, or whose number variables equal the number searched "
        "(written as in the user's language: 1 234,5 in French).",
    )
    close_previous = fields.Boolean(
        string="Close last note",
        compute="_compute_close_previous",
        readonly=False,
        help="Close this customer's open notes when this one is created.",
    )

    # ------------------------------------------------------------------
    # DEFAULTS AND COMPUTES
    # ------------------------------------------------------------------

    def _default_variable_value_ids(self):
        """One empty line per active variable of the company (or shared)."""
        company = self.env.company
        variables = self.env["crm.note.variable"].search(
            [("company_id", "in", [company.id, False])]
        )
        return [fields.Command.create({"variable_id": v.id}) for v in variables]

    @api.depends("partner_id", "action_id", "status_id", "date_followup")
    def _compute_display_name(self):
        for note in self:
            parts = [
                note.partner_id.display_name,
                (note.action_id or note.status_id).name,
            ]
            note.display_name = " – ".join(p for p in parts if p)

    @api.depends("state", "date_followup")
    def _compute_followup_state(self):
        today = fields.Date.context_today(self)
        for note in self:
            if note.state == "done":
                note.followup_state = "done"
            elif not note.date_followup:
                note.followup_state = "none"
            elif note.date_followup < today:
                note.followup_state = "overdue"
            elif note.date_followup == today:
                note.followup_state = "today"
            else:
                note.followup_state = "upcoming"

    def _group_expand_followup_state(self, states, domain):
        """Overdue, Today, Upcoming and Done always; No date when notes have none
        (before Done: the closed notes come last, folded)."""
        return [
            key for key, _label in FOLLOWUP_STATES if key != "none" or key in states
        ]

    def _creation_message(self):
        """Odoo's "<model> created" in one language. Without a language in the
        context (data files, crons, scripts), `_` translates "%s created" in the
        user's language while the model's name is read in English: "CRM Note
        créé". The name is read in the language `_` uses."""
        if self.env.lang:
            return super()._creation_message()
        lang = self.env["res.users"].context_get().get("lang")
        return super(CrmNote, self.with_context(lang=lang))._creation_message()

    @api.model
    def _web_read_group(
        self, domain, fields, groupby, limit=None, offset=0, orderby=False, lazy=True
    ):
        """Grouped by follow-up in the web client, the *Done* group comes folded (as
        a folded stage does): the kanban's open columns fit a 1440 px screen, done
        notes are one click away. Reports and exports (`read_group`) are unchanged."""
        groups = super()._web_read_group(
            domain, fields, groupby, limit, offset, orderby, lazy
        )
        groupby = [groupby] if isinstance(groupby, str) else groupby
        if groupby and groupby[0] == "followup_state":
            for group in groups:
                if group.get("followup_state") == "done":
                    group["__fold"] = True
        return groups

    @api.depends("state", "date_followup")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for note in self:
            note.is_overdue = bool(
                note.state == "open"
                and note.date_followup
                and note.date_followup < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(
                self.env._("Overdue can only be searched as true or false.")
            )
        today = fields.Date.context_today(self)
        overdue = [("state", "=", "open"), ("date_followup", "<", today)]
        if (operator == "=") == value:
            return overdue
        return ["!", *expression.normalize_domain(overdue)]

    @api.depends("variable_value_ids.option_id")
    def _compute_variable_option_ids(self):
        for note in self:
            note.variable_option_ids = note.variable_value_ids.option_id

    def _compute_variable_value_search(self):
        self.variable_value_search = False

    def _parse_variable_number(self, text):
        """The number written in ``text`` in the user's language (thousands
        separator and decimal point of ``res.lang``), or in Python's notation;
        None when it is not a number."""
        text = (text or "").strip()
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        candidates = [text]
        if lang:
            local = text
            for sep in {lang.thousands_sep, " ", "\u00a0", "\u202f"} - {"", None}:
                if sep != lang.decimal_point:
                    local = local.replace(sep, "")
            candidates.insert(0, local.replace(lang.decimal_point or ".", "."))
        for candidate in candidates:
            try:
                return float(candidate)
            except ValueError:
                continue
        return None

    def _search_variable_value_search(self, operator, value):
        if operator not in ("ilike", "=", "like", "=ilike") or not isinstance(
            value, str
        ):
            raise UserError(
                self.env._("Variable values can only be searched with a text.")
            )
        domain = [
            "|",
            ("variable_value_ids.value_text", "ilike", value),
            ("variable_value_ids.option_id.name", "ilike", value),
        ]
        number = self._parse_variable_number(value)
        if number is not None:
            domain = expression.OR(
                [
                    domain,
                    [
                        (
                            "variable_value_ids",
                            "any",
                            [
                                ("variable_id.variable_type", "=", "number"),
                                ("value_number", "=", number),
                            ],
                        )
                    ],
                ]
            )
        return domain

    def _compute_close_previous(self):
        self.close_previous = False

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        closing = {
            vals["partner_id"]
            for vals in vals_list
            if vals.pop("close_previous", False) and vals.get("partner_id")
        }
        previous = self.browse()
        if closing:
            previous = self.search(
                [("partner_id", "in", list(closing)), ("state", "=", "open")]
            )
        notes = super().create(vals_list)
        previous.action_done()
        return notes

    def write(self, vals):
        vals.pop("close_previous", None)
        return super().write(vals)

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_done(self):
        """Close the open notes of self; closed notes are kept, never deleted."""
        notes = self.filtered(lambda n: n.state == "open")
        notes.write(
            {
                "state": "done",
                "date_done": fields.Datetime.now(),
                "done_user_id": self.env.uid,
            }
        )
        return True

    def action_done_and_new(self):
        """Close this note and open a new one for the same customer and assignee,
        with the same variables."""
        self.ensure_one()
        self.action_done()
        return self._action_new_note(
            {
                "default_partner_id": self.partner_id.id,
                "default_lead_id": self.lead_id.id,
                "default_user_id": self.user_id.id,
                "default_company_id": self.company_id.id,
                "default_variable_value_ids": [
                    fields.Command.create(
                        {
                            "variable_id": value.variable_id.id,
                            "option_id": value.option_id.id,
                            "value_text": value.value_text,
                            "value_number": value.value_number,
                        }
                    )
                    for value in self.variable_value_ids
                ],
            }
        )

    def action_open_close_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close note"),
            "res_model": "crm.note.close",
            "view_mode": "form",
            "target": "new",
            "context": {"default_note_ids": self.ids},
        }

    @api.model
    def _action_new_note(self, context):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New note"),
            "res_model": "crm.note",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    # ------------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------------

    def _reassign(self, user, date_followup=False):
        """Give the open notes of self to `user` (and a new follow-up date).

        Callers have checked the current user's rights on self. Up to
        `_reassign_chunk` notes are moved now, in the caller's transaction; more
        are handed to the cron (see `_reassign_or_queue`). Returns (count,
        refusals): the notes moved or queued, and a Counter {reason: number of
        notes} of those refused.
        """
        moved, job, refusals = self._reassign_or_queue(user, date_followup)
        return moved + len(job.note_ids), refusals

    def _reassign_or_queue(self, user, date_followup=False):
        """Move the notes of self now, or queue them when they are more than one
        chunk: a request never commits, and never holds the row locks of a whole
        territory. Returns (moved, job, refusals), `job` the queued
        `crm.note.reassign.job` (empty when the notes were moved now).

        The context key `crm_notes_reassign_no_commit` (callers owning their
        transaction: scripts, benchmarks) moves everything now.
        """
        Job = self.env["crm.note.reassign.job"]
        allowed, refusals = self._reassign_filter(user)
        if len(allowed) <= self._reassign_chunk or self.env.context.get(
            "crm_notes_reassign_no_commit"
        ):
            return allowed._reassign_write(user, date_followup), Job, refusals
        return 0, Job._queue(allowed, user, date_followup), refusals

    def _reassign_filter(self, user):
        """(allowed, refusals): the notes of self `user` may take, and a Counter
        {reason: number of notes} of the others. Closed notes keep who handled
        them; the new assignee must be an active internal user of the note's
        company."""
        refusals = Counter()
        Note = self.sudo().browse()  # sudo: the callers checked self's rights
        if not self:
            return Note, refusals
        if not user.active or user.share:
            refusals[
                self.env._(
                    "%(user)s is archived or not an internal user", user=user.name
                )
            ] = len(self)
            return Note, refusals
        allowed = Note.search(
            [
                ("id", "in", self.ids),
                ("state", "=", "open"),
                ("company_id", "in", user.company_ids.ids),
            ],
            order="id",
        )
        if len(allowed) < len(self):
            closed = Note.search_count([("id", "in", self.ids), ("state", "=", "done")])
            if closed:
                refusals[self.env._("closed notes keep who handled them")] = closed
            if len(self) - len(allowed) - closed:
                refusals[
                    self.env._(
                        "%(user)s has no access to the note's company", user=user.name
                    )
                ] = len(self) - len(allowed) - closed
        return allowed, refusals

    def _reassign_write(self, user, date_followup=False, notify=True):
        """Move the open notes of self to `user`, set-based, in the current
        transaction: one statement per chunk, leaving in the database what
        Odoo's tracked write leaves (chatter message, tracking values, new
        follower). Then one summary notification to `user` instead of one per
        note. Returns how many notes moved."""
        if not self:
            return 0
        self.env.flush_all()
        # What `_message_log_batch` computes for the tracking message.
        author = self.env.user.partner_id
        email_from = author.email_formatted
        reply_to = self.env["mail.thread"]._notify_get_reply_to(default=email_from)[
            False
        ]
        default_subtypes = self.env[
            "mail.message.subtype"
        ]._get_auto_subscription_subtypes(self._name)[1]
        Fields = self.env["ir.model.fields"]
        params = {
            "user": user.id,
            "user_name": user.display_name,
            "partner": user.partner_id.id,
            "subtypes": default_subtypes,
            "date": date_followup or None,
            "today": fields.Date.context_today(self),
            "uid": self.env.uid,
            "author": author.id,
            "email_from": email_from if email_from is not False else None,
            "reply_to": reply_to if reply_to is not False else None,
            "body": str(escape("")),
            "time": f"{time.time():.15f}",
            "host": socket.gethostname(),
            "now": self.env.cr.now(),
            "subtype": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "user_field": Fields._get(self._name, "user_id").id,
            "date_field": Fields._get(self._name, "date_followup").id,
        }
        moved = 0
        for ids in split_every(self._reassign_chunk, self.ids):
            self.env.cr.execute(REASSIGN_SQL, dict(params, ids=list(ids)))
            moved += self.env.cr.fetchone()[0]
        self.env.invalidate_all()
        if moved and notify:
            self._notify_reassigned(user, moved)
        return moved

    def _notify_reassigned(self, user, count):
        """One summary notification to the new assignee, in their language,
        instead of Odoo's one per note."""
        env = self.with_context(lang=user.lang).env
        env["mail.thread"].sudo().message_notify(
            partner_ids=user.partner_id.ids,
            subject=env._("CRM notes assigned to you"),
            body=Markup("<p>%s</p>")
            % env._(
                "%(author)s assigned %(count)s CRM note(s) to you.",
                author=self.env.user.name,
                count=count,
            ),
            email_layout_xmlid="mail.mail_notification_light",
        )

    @api.model
    def _cron_refresh_followup_state(self):
        """Move open notes between Overdue / Today / Upcoming as days pass."""
        self.env.flush_all()
        self.env.cr.execute(
            REFRESH_STATE_SQL, {"today": fields.Date.context_today(self)}
        )
        self.invalidate_model(["followup_state"])
