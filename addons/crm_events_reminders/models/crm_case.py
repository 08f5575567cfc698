# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""ONLYOFFICE's "Actions": an event, a seminar, a series of meetings organised
with a group of customers. Called a *case* (French "dossier") here, as "action"
is Odoo's word for window actions and the gear menu. Its documents are the
chatter's attachments and its history is the chatter; its events and tasks are
calendar events linked through ``calendar.event.crm_case_id``."""

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

CASE_STATES = [("open", "Open"), ("closed", "Closed")]


class CrmCase(models.Model):
    _name = "crm.case"
    _description = "CRM Case"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "state, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer(string="Color Index")
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        index="btree_not_null",
        tracking=True,
        help="Always sees and changes the case, even when access is limited.",
    )
    team_id = fields.Many2one(
        "crm.team",
        string="Sales Team",
        default=lambda self: self.env["crm.team"]._get_default_team_id(),
        check_company=True,
        index="btree_not_null",
        tracking=True,
        help="The sales team's administrators define the case's custom fields.",
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "crm_case_res_partner_rel",
        "case_id",
        "partner_id",
        string="Participants",
        tracking=True,
        help="The contacts and companies the case is organised with.",
    )
    partner_count = fields.Integer(
        string="Participant count", compute="_compute_partner_count"
    )
    tag_ids = fields.Many2many(
        "crm.tag",
        "crm_case_crm_tag_rel",
        "case_id",
        "tag_id",
        string="Tags",
    )
    description = fields.Html(string="Notes")
    case_properties = fields.Properties(
        "Properties", definition="team_id.crm_case_properties_definition", copy=True
    )
    state = fields.Selection(
        CASE_STATES,
        string="Status",
        default="open",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    closed_by_id = fields.Many2one(
        "res.users", string="Closed by", copy=False, readonly=True, tracking=True
    )
    closed_date = fields.Datetime(
        string="Closed on", copy=False, readonly=True, tracking=True
    )
    restrict_access = fields.Boolean(
        string="Limit access",
        tracking=True,
        help="Only the responsible, the allowed users and the sales administrators "
        "see and change the case. By default every salesperson does.",
    )
    allowed_user_ids = fields.Many2many(
        "res.users",
        "crm_case_allowed_user_rel",
        "case_id",
        "user_id",
        string="Allowed users",
        domain="[('share', '=', False)]",
        tracking=True,
        help="Users who see and change the case when its access is limited; "
        "they are notified when they are added.",
    )
    event_ids = fields.One2many("calendar.event", "crm_case_id", string="Events")
    event_count = fields.Integer(string="Event count", compute="_compute_event_counts")
    task_count = fields.Integer(string="Task count", compute="_compute_event_counts")

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("partner_ids")
    def _compute_partner_count(self):
        for case in self:
            case.partner_count = len(case.partner_ids)

    @api.depends("event_ids.crm_event_kind")
    def _compute_event_counts(self):
        counts = {
            (case.id, is_task): count
            for case, is_task, count in self._crm_event_groups()
        }
        for case in self:
            case.event_count = counts.get((case._origin.id, False), 0)
            case.task_count = counts.get((case._origin.id, True), 0)

    def _crm_event_groups(self):
        """(case, is a task, count) of the events the user can read."""
        if not self.ids:
            return []
        groups = self.env["calendar.event"]._read_group(
            [("crm_case_id", "in", self.ids)],
            ["crm_case_id", "crm_event_kind"],
            ["__count"],
        )
        return [(case, kind == "task", count) for case, kind, count in groups]

    # ------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [self._crm_keep_author(vals) for vals in vals_list]
        cases = super().create(vals_list)
        cases._crm_notify_allowed_users({case: self.env["res.users"] for case in cases})
        return cases

    def write(self, vals):
        vals = self._crm_keep_author(vals)
        before = None
        if {"restrict_access", "allowed_user_ids"} & set(vals):
            before = {case: case._crm_allowed_users() for case in self}
        res = super().write(vals)
        if before is not None:
            self._crm_notify_allowed_users(before)
        return res

    def _crm_keep_author(self, vals):
        """Whoever limits the access stays allowed on the case (no lock-out)."""
        if vals.get("restrict_access") and not self.env.su:
            vals = dict(vals)
            vals["allowed_user_ids"] = list(vals.get("allowed_user_ids") or []) + [
                fields.Command.link(self.env.uid)
            ]
        return vals

    def _crm_allowed_users(self):
        self.ensure_one()
        if not self.restrict_access:
            return self.env["res.users"]
        return self.allowed_user_ids

    def _crm_notify_allowed_users(self, before):
        """Newly allowed users follow the case and are told about it (by inbox or
        email, their preference), as ONLYOFFICE informs them."""
        for case in self:
            added = case._crm_allowed_users() - before.get(case, self.env["res.users"])
            added -= self.env.user
            if not added:
                continue
            case.message_subscribe(partner_ids=added.partner_id.ids)
            case.message_notify(
                partner_ids=added.partner_id.ids,
                subject=self.env._("Access to the case %(case)s", case=case.name),
                body=Markup("<p>%s</p>")
                % self.env._(
                    "%(user)s gave you access to the case %(case)s.",
                    user=self.env.user.name,
                    case=case.name,
                ),
                model_description=self.env._("Case"),
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_close(self):
        """The case has taken place: closed, with who and when (tracked)."""
        to_close = self.filtered(lambda c: c.state == "open")
        to_close.write(
            {
                "state": "closed",
                "closed_by_id": self.env.uid,
                "closed_date": fields.Datetime.now(),
            }
        )
        return True

    def action_reopen(self):
        to_open = self.filtered(lambda c: c.state == "closed")
        to_open.write({"state": "open", "closed_by_id": False, "closed_date": False})
        return True

    def _crm_event_defaults(self):
        """Context defaults of an event or task planned from the case."""
        self.ensure_one()
        customers = self.partner_ids.commercial_partner_id
        defaults = {
            "default_crm_case_id": self.id,
            "default_name": self.name,
            "default_user_id": self.env.uid,
            "default_crm_team_id": self.team_id.id,
            # The participants are invited (meetings); tasks stay internal.
            "default_partner_ids": [
                fields.Command.set((self.env.user.partner_id | self.partner_ids).ids)
            ],
        }
        if len(customers) == 1:
            defaults["default_crm_partner_id"] = customers.id
            if len(self.partner_ids) == 1:
                defaults["default_crm_contact_id"] = self.partner_ids.id
        return defaults

    def _crm_check_open(self):
        if self.filtered(lambda c: c.state == "closed"):
            raise UserError(
                self.env._("Reopen the case before planning events or tasks in it.")
            )

    def action_crm_new_event(self):
        """A new meeting (or the kind in the context) prefilled from the case."""
        self.ensure_one()
        self._crm_check_open()
        action = self.env["calendar.event"]._crm_new_event_action(
            self._crm_event_defaults(), self.env.context.get("crm_event_kind")
        )
        # A case gathers several customers: none is required on its events.
        action["context"].pop("crm_events_require_customer", None)
        return action

    def action_crm_new_task(self):
        return self.with_context(crm_event_kind="task").action_crm_new_event()

    def _crm_events_action(self, tasks):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_action"
        )
        action["name"] = self.env._("Tasks") if tasks else self.env._("Events")
        kind_domain = [("crm_event_kind", "=" if tasks else "!=", "task")]
        action["domain"] = [("crm_case_id", "=", self.id)] + kind_domain
        context = self._crm_event_defaults()
        if tasks:
            context["default_crm_event_kind"] = "task"
            context["default_partner_ids"] = [
                fields.Command.set(self.env.user.partner_id.ids)
            ]
        action["context"] = context
        return action

    def action_crm_events(self):
        return self._crm_events_action(tasks=False)

    def action_crm_tasks(self):
        return self._crm_events_action(tasks=True)
