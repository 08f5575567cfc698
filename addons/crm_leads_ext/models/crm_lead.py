# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .status_duration import status_durations

# context key: our own methods may set the roles the buttons own (Converted, Won,
# Lost) and skip the routing of a status write to Odoo's won/lost semantics
ROLE_WRITE = "crm_leads_ext_role_status"
STATUS_DOMAIN = (
    "[('scope', '=', '%s'), ('company_id', 'in', [company_id, False]),"
    " '|', ('team_ids', '=', False), ('team_ids', 'in', team_id)]"
)


def _status_field(scope, string):
    """The status of one list on crm.lead: defaulted by a compute, a kanban column
    for every status of the list, tracked."""
    return fields.Many2one(
        comodel_name="crm.lead.status",
        string=string,
        compute=f"_compute_{scope}_status_id",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        group_expand=f"_read_group_{scope}_status_ids",
        domain=STATUS_DOMAIN % scope,
        ondelete="restrict",
    )


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = [
        "crm.lead",
        "crm.qualification.mixin",
        "crm.duplicate.mixin",
        "crm.access.mixin",
    ]

    crm_allowed_user_ids = fields.Many2many(relation="crm_lead_crm_allowed_user_rel")

    lead_status_id = _status_field("lead", "Lead status")
    lead_status_closed = fields.Boolean(
        related="lead_status_id.is_closed", string="Lead status closed"
    )
    lead_status_date = fields.Datetime(
        string="In this status since", readonly=True, copy=False
    )
    lead_status_duration = fields.Json(
        string="Time in lead statuses", compute="_compute_status_durations"
    )
    opportunity_status_id = _status_field("opportunity", "Opportunity status")
    opportunity_status_date = fields.Datetime(
        string="In this opportunity status since", readonly=True, copy=False
    )
    opportunity_status_duration = fields.Json(
        string="Time in opportunity statuses", compute="_compute_status_durations"
    )
    industry_id = fields.Many2one(comodel_name="res.partner.industry", string="Sector")
    crm_category_ids = fields.Many2many(
        comodel_name="res.partner.category",
        string="Categories",
        help="The contact tags the customer gets on conversion.",
    )
    crm_nurturing = fields.Boolean(
        string="Nurturing", help="Keep the lead warm with marketing content."
    )
    crm_score = fields.Selection(
        selection=[(str(n), str(n)) for n in range(6)],
        string="Scoring",
        default="0",
        tracking=True,
        help="Axelor's 5-star scoring, kept apart from Odoo's priority (3 stars).",
    )
    worst_case_amount = fields.Monetary(
        string="Worst case", currency_field="company_currency", tracking=True
    )
    best_case_amount = fields.Monetary(
        string="Best case", currency_field="company_currency", tracking=True
    )

    def init(self):
        res = super().init()
        # A kanban column is one status read in crm.lead's order (priority desc,
        # id desc): these indexes serve it without a sort.
        for scope in ("lead", "opportunity"):
            fname = f"{scope}_status_id"
            tools.create_index(
                self._cr,
                f"crm_lead_{fname}_kanban_idx",
                self._table,
                [fname, "priority DESC", "id DESC"],
                where=f"{fname} IS NOT NULL",
            )
            # the kanban's column counts: an index-only scan of the open records
            # of the list (company included, for the multi-company rule)
            tools.create_index(
                self._cr,
                f"crm_lead_{fname}_count_idx",
                self._table,
                [fname, "company_id"],
                where=f"type = '{scope}' AND active",
            )
        return res

    def _crm_company(self):
        return self.company_id or self.env.company

    @api.depends("contact_name", "partner_name", "function", "phone", "mobile")
    def _compute_crm_dup_keys(self):
        return super()._compute_crm_dup_keys()

    def _crm_dup_sources(self):
        return self.contact_name, self.partner_name, self.function

    crm_open_sibling_count = fields.Integer(
        string="Other open opportunities",
        compute="_compute_crm_open_sibling_count",
        help="Open opportunities of the same prospect, offered for closing once this"
        " one is won.",
    )
    crm_duplicate_count = fields.Integer(
        string="Duplicates",
        compute="_compute_crm_duplicate_count",
        help="Other leads with the same email, phone or company name.",
    )

    def _compute_crm_duplicate_count(self):
        """For a whole list at once: one grouped query per compared value."""
        counts = dict.fromkeys(self.ids, 0)
        for fname in ("email_normalized", "crm_dup_phone", "crm_dup_company"):
            values = {lead[fname] for lead in self if lead[fname]}
            if not values:
                continue
            groups = dict(
                self.with_context(active_test=False)._read_group(
                    [(fname, "in", list(values))], [fname], ["__count"]
                )
            )
            for lead in self:
                if lead[fname] and groups.get(lead[fname], 0) > 1:
                    counts[lead.id] = max(
                        counts.get(lead.id, 0), groups[lead[fname]] - 1
                    )
        for lead in self:
            lead.crm_duplicate_count = counts.get(lead.id, 0)

    @api.depends("type", "company_id")
    def _compute_lead_status_id(self):
        for lead in self:
            if lead.type == "lead" and not lead.lead_status_id:
                lead.lead_status_id = lead._crm_company()._crm_status("lead", "new")

    @api.depends("type", "company_id")
    def _compute_opportunity_status_id(self):
        for lead in self:
            if lead.type == "opportunity" and not lead.opportunity_status_id:
                lead.opportunity_status_id = lead._crm_company()._crm_status(
                    "opportunity", "new"
                )

    @api.depends("lead_status_id", "opportunity_status_id")
    def _compute_status_durations(self):
        for fname in ("lead_status_id", "opportunity_status_id"):
            durations = status_durations(self, fname)
            for lead in self:
                lead[fname.replace("_id", "_duration")] = durations.get(
                    lead._origin.id, {}
                )

    @api.constrains("worst_case_amount", "best_case_amount")
    def _check_case_amounts(self):
        """Checked when someone types the cases; the expected revenue written alone
        moves the cases instead (_case_amounts_follow)."""
        for lead in self:
            worst, best = lead.worst_case_amount, lead.best_case_amount
            amount = lead.expected_revenue
            if (worst and worst > amount) or (best and best < amount):
                raise ValidationError(
                    self.env._(
                        "%(lead)s: the worst case (%(worst)s) must not exceed the "
                        "expected revenue (%(amount)s), nor the expected revenue the "
                        "best case (%(best)s).",
                        lead=lead.name,
                        worst=worst,
                        amount=amount,
                        best=best,
                    )
                )

    def _read_group_statuses(self, statuses, scope):
        """Every status of the list in the current companies is a kanban column."""
        return statuses.search(
            [
                ("scope", "=", scope),
                ("company_id", "in", self.env.companies.ids + [False]),
            ]
        )

    @api.model
    def _read_group_lead_status_ids(self, statuses, domain):
        return self._read_group_statuses(statuses, "lead")

    @api.model
    def _read_group_opportunity_status_ids(self, statuses, domain):
        return self._read_group_statuses(statuses, "opportunity")

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.setdefault("lead_status_date", now)
            vals.setdefault("opportunity_status_date", now)
        leads = super().create(vals_list)
        if not self.env.context.get(ROLE_WRITE):
            leads._check_status_role_write()
        return leads

    def write(self, vals):
        routed = self._route_opportunity_status_write(vals)
        if routed is not None:
            return routed
        followed = self._case_amounts_follow(vals)
        if followed is not None:
            return followed
        for fname in ("lead_status_id", "opportunity_status_id"):
            if fname in vals:
                vals = dict(
                    vals, **{fname.replace("_id", "_date"): fields.Datetime.now()}
                )
                status = self.env["crm.lead.status"].browse(vals[fname])
                if status.set_probability and "probability" not in vals:
                    vals["probability"] = status.probability
        res = super().write(vals)
        if not self.env.context.get(ROLE_WRITE):
            if "lead_status_id" in vals:
                self._check_status_role_write()
            if {"stage_id", "active", "probability", "type"} & set(vals):
                self._sync_opportunity_status()
        return res

    def _route_opportunity_status_write(self, vals):
        """Clicking Won or Lost in an opportunity's status bar is Odoo's Won or
        Lost: the opportunity takes Odoo's won stage (probability 100), or is
        archived at probability 0, and the status follows. None: a plain write."""
        if "opportunity_status_id" not in vals or self.env.context.get(ROLE_WRITE):
            return None
        status = self.env["crm.lead.status"].browse(vals["opportunity_status_id"])
        if not status:
            return None
        won = self.filtered(
            lambda lead: lead._crm_company()._crm_status("opportunity", "won") == status
        )
        lost = self.filtered(
            lambda lead: lead._crm_company()._crm_status("opportunity", "lost")
            == status
        )
        if not (won or lost):
            return None
        others = {k: v for k, v in vals.items() if k != "opportunity_status_id"}
        rest = self - won - lost
        if rest:
            rest.write(vals)
        if others:
            (won | lost).write(others)
        won.filtered(lambda lead: not lead.stage_id.is_won).action_set_won()
        lost.filtered("active").action_set_lost()
        return True

    def _case_amounts_follow(self, vals):
        """The expected revenue written alone (the form, sale_crm raising it to the
        confirmed order's amount, a merge, an import) is the newest estimate: a best
        case below it rises to it, a worst case above it falls to it (tracked in the
        chatter), instead of refusing Odoo's own write. None: a plain write."""
        if "expected_revenue" not in vals or {
            "worst_case_amount",
            "best_case_amount",
        } & set(vals):
            return None
        amount = vals["expected_revenue"] or 0.0
        groups = {}
        for lead in self:
            bounds = {}
            if lead.best_case_amount and lead.best_case_amount < amount:
                bounds["best_case_amount"] = amount
            if lead.worst_case_amount and lead.worst_case_amount > amount:
                bounds["worst_case_amount"] = amount
            key = tuple(sorted(bounds))
            groups.setdefault(key, self.browse())
            groups[key] |= lead
        if list(groups) in ([], [()]):
            return None
        for key, leads in groups.items():
            leads.write(dict(vals, **{fname: amount for fname in key}))
        return True

    def _check_status_role_write(self):
        """Converted and Lost come only from the Convert and Lost buttons."""
        for lead in self.filtered("lead_status_id"):
            company = lead._crm_company()
            converted = company._crm_status("lead", "converted")
            if lead.lead_status_id in converted | company._crm_status("lead", "lost"):
                raise UserError(
                    self.env._(
                        "“%(status)s” is set by the %(button)s button only.",
                        status=lead.lead_status_id.name,
                        button=self.env._("Convert")
                        if lead.lead_status_id == converted
                        else self.env._("Lost"),
                    )
                )

    def _opportunity_outcome(self):
        """'won', 'lost' or 'open', in Odoo's terms."""
        self.ensure_one()
        if not self.active and not self.probability:
            return "lost"
        if self.active and self.stage_id.is_won:
            return "won"
        return "open"

    def _sync_opportunity_status(self):
        """Keep the opportunity status in step with Odoo's won and lost: won stage
        -> Won, lost (archived at 0 %) -> Lost, reopened -> the default status."""
        moves = {}
        for lead in self.filtered(lambda lead: lead.type == "opportunity"):
            company = lead._crm_company()
            outcome = lead._opportunity_outcome()
            current = lead.opportunity_status_id
            if outcome in ("won", "lost"):
                target = company._crm_status("opportunity", outcome)
            elif current and current in (
                company._crm_status("opportunity", "won")
                | company._crm_status("opportunity", "lost")
            ):
                target = company._crm_status("opportunity", "new")
            else:
                continue
            if target and target != current:
                moves.setdefault(target, self.browse())
                moves[target] |= lead
        for status, leads in moves.items():
            leads._crm_write_untracked({"opportunity_status_id": status.id})

    @api.model
    def _crm_lead_status_init(self):
        """At install, the records already there take their company's status: lost
        leads and opportunities (archived at probability 0) Lost, won opportunities
        (active, in a won stage) Won, the others the default status (New). The
        computes cannot give it: the columns are filled before the statuses and the
        companies' mapping exist. A record without a company takes the current
        company's status, as the computes do (`_crm_company`).

        Set-based: one UPDATE ... FROM per list (leads, opportunities), whatever the
        number of records a database installing us holds. It leaves what the ORM's
        untracked write of the status would (the status, its date, write_uid and
        write_date; no tracking message, as at install nobody changed a status):
        no stored field depends on the statuses, and the default statuses set no
        probability (`set_probability`)."""
        self.env.flush_all()
        params = {
            "company": self.env.company.id,
            "now": self.env.cr.now(),
            "uid": self.env.uid,
        }
        for scope in ("lead", "opportunity"):
            fname = SQL.identifier(f"{scope}_status_id")
            won = SQL(
                "WHEN l.active AND stage.is_won THEN c.crm_opportunity_status_won_id"
            )
            query = SQL(
                """
                WITH target AS (
                    SELECT l.id,
                           CASE WHEN NOT l.active AND l.probability = 0
                                     THEN c.%(lost)s
                                %(won)s
                                ELSE c.%(new)s
                           END AS status_id,
                           NOT l.active AND l.probability = 0 %(won_test)s AS closed
                      FROM crm_lead AS l
                      JOIN res_company AS c
                        ON c.id = COALESCE(l.company_id, %(company)s)
                 LEFT JOIN crm_stage AS stage ON stage.id = l.stage_id
                     WHERE l.type = %(scope)s
                )
                UPDATE crm_lead AS l
                   SET %(fname)s = target.status_id,
                       %(date)s = %(now)s,
                       write_uid = %(uid)s,
                       write_date = %(now)s
                  FROM target
                 WHERE l.id = target.id
                   AND target.status_id IS NOT NULL
                   AND (l.%(fname)s IS NULL
                        OR (target.closed AND l.%(fname)s != target.status_id))
                """,
                lost=SQL.identifier(f"crm_{scope}_status_lost_id"),
                new=SQL.identifier(f"crm_{scope}_status_new_id"),
                won=won if scope == "opportunity" else SQL(""),
                won_test=(
                    SQL("OR (l.active AND stage.is_won IS TRUE)")
                    if scope == "opportunity"
                    else SQL("")
                ),
                fname=fname,
                date=SQL.identifier(f"{scope}_status_date"),
                scope=scope,
                **params,
            )
            self.env.cr.execute(query)
        self.invalidate_model(
            [
                "lead_status_id",
                "lead_status_date",
                "opportunity_status_id",
                "opportunity_status_date",
                "write_uid",
                "write_date",
            ]
        )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def _crm_write_untracked(self, vals):
        """Write a role status without a tracking value of its own, even when one
        of Odoo's tracked writes on the same records (the Lost wizard, the won
        stage) is pending in this transaction: mail's _track_discard, per field."""
        self.with_context(**{ROLE_WRITE: True, "mail_notrack": True}).write(vals)
        pending = self.env.cr.precommit.data.get(f"mail.tracking.{self._name}", {})
        for record in self:
            initial = pending.get(record.id)
            if initial:
                for fname in vals:
                    if fname in initial:
                        initial[fname] = record[fname]

    def _set_role_status(self, role, scope="lead"):
        """The status that follows one of Odoo's own buttons (Lost, Convert, Won,
        Restore). Not tracked: the button's own message says it, and Odoo's
        messages stay as they are; the time in each status still counts (the
        status date, see status_durations)."""
        fname = f"{scope}_status_id"
        by_status = {}
        for lead in self.filtered(lambda lead: lead.type == scope):
            status = lead._crm_company()._crm_status(scope, role)
            if status and status != lead[fname]:
                by_status.setdefault(status, self.browse())
                by_status[status] |= lead
        for status, leads in by_status.items():
            leads._crm_write_untracked({fname: status.id})

    def action_set_lost(self, **additional_values):
        """Odoo's lost (archived, probability 0, lost reason, lead scoring), and the
        company's Lost status for leads (opportunities follow their archiving)."""
        res = super().action_set_lost(**additional_values)
        self._set_role_status("lost")
        return res

    def toggle_active(self):
        """Restoring a lost lead puts it back in the company's default status."""
        res = super().toggle_active()
        restored = self.filtered(
            lambda lead: lead.active
            and lead.lead_status_id == lead._crm_company()._crm_status("lead", "lost")
        )
        restored._set_role_status("new")
        return res

    def convert_opportunity(self, partner, user_ids=False, team_id=False):
        """The converted lead keeps the Converted status as its last lead status."""
        converting = self.filtered(
            lambda lead: lead.type == "lead" and lead.active and lead.probability != 100
        )
        converting._set_role_status("converted")
        return super().convert_opportunity(partner, user_ids=user_ids, team_id=team_id)

    def action_set_won_rainbowman(self):
        """Won, then, for a prospect with other open opportunities, offer to close
        them (Axelor checks this for prospects only, not for customers)."""
        res = super().action_set_won_rainbowman()
        return self.crm_close_siblings_offer() or res

    def crm_close_siblings_offer(self):
        """The offer to close the prospect's other open opportunities, once this
        one is won, or False. Read-only: the Won button returns it, and the form
        and the kanban ask for it after a save or a drag that changed the stage or
        the status (static/src/views/crm_close_siblings.js), so winning by the
        status bar or by a drag to a won stage offers the same choice."""
        self.ensure_one()
        if not (self.active and self.stage_id.is_won):
            return False
        siblings = self._crm_open_siblings()
        return self._crm_close_siblings_action(siblings) if siblings else False

    def action_crm_close_siblings(self):
        """The *Close the other opportunities* button of a won opportunity (also
        what the activity left by a non-interactive win points to)."""
        self.ensure_one()
        siblings = self._crm_open_siblings()
        if not siblings:
            raise UserError(
                self.env._(
                    "%(prospect)s has no other open opportunity.",
                    prospect=self.partner_id.commercial_partner_id.display_name,
                )
            )
        return self._crm_close_siblings_action(siblings)

    def _crm_close_siblings_action(self, siblings):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Close the other opportunities?"),
            "res_model": "crm.lead.close.siblings",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_lead_id": self.id,
                "default_sibling_ids": siblings.ids,
            },
        }

    @api.depends("stage_id", "active", "partner_id")
    def _compute_crm_open_sibling_count(self):
        for lead in self:
            lead.crm_open_sibling_count = (
                len(lead._crm_open_siblings())
                if lead.id and lead.active and lead.stage_id.is_won
                else 0
            )

    def _crm_offer_close_siblings_later(self):
        """A win that no user saw happen (an order confirmed, an automated action):
        a to-do on the won opportunity for its salesperson, in their language,
        pointing to the same choice (the *Close the other opportunities* button)."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        for lead in self.filtered(lambda lead: lead.active and lead.stage_id.is_won):
            if not lead._crm_open_siblings():
                continue
            user = lead.user_id or self.env.user
            lead_lang = lead.with_context(lang=user.lang)
            lead.activity_schedule(
                activity_type_id=todo.id if todo else False,
                summary=lead_lang.env._("Close the other opportunities?"),
                note=lead_lang.env._(
                    "This opportunity is won and %(prospect)s has other open"
                    " opportunities: click “Close the other opportunities” on it to"
                    " close them as lost, or mark this activity as done to keep them.",
                    prospect=lead.partner_id.commercial_partner_id.display_name,
                ),
                user_id=user.id,
            )

    def _crm_open_siblings(self):
        """The other open opportunities of this opportunity's prospect."""
        self.ensure_one()
        prospect = self.partner_id.commercial_partner_id
        if not prospect or prospect.crm_partner_type != "prospect":
            return self.browse()
        return self.search(
            [
                ("id", "!=", self.id),
                ("type", "=", "opportunity"),
                ("partner_id", "child_of", prospect.id),
                ("stage_id.is_won", "=", False),
            ]
        )

    def _compute_potential_lead_duplicates(self):
        """Odoo counts duplicates as superuser (beyond multi-company rules, on
        purpose); private leads the user may not see are left out of it."""
        res = super()._compute_potential_lead_duplicates()
        if self.env.su:
            return res
        found = self.env["crm.lead"].union(*(lead.duplicate_lead_ids for lead in self))
        Lead = self.env["crm.lead"].with_context(active_test=False)
        private = Lead.sudo().search(
            [("id", "in", found.ids), ("crm_access", "=", "private")]
        )
        hidden = private - Lead.search([("id", "in", private.ids)])
        if hidden:
            for lead in self:
                kept = lead.duplicate_lead_ids - hidden
                lead.duplicate_lead_ids = kept
                lead.duplicate_lead_count = len(kept - lead)
        return res

    def _sort_by_confidence_level(self, reverse=False):
        """The original chosen in the merge wizard comes first (merge master)."""
        ordered = super()._sort_by_confidence_level(reverse=reverse)
        original = self.env.context.get("crm_merge_original_id")
        if original and original in ordered.ids:
            others = ordered.filtered(lambda lead: lead.id != original)
            chosen = ordered.browse(original)
            return chosen + others if reverse else others + chosen
        return ordered

    def _crm_prospect_values(self, prospect):
        """Values the lead gives its prospect on conversion (qualification fields
        added by other features extend this)."""
        self.ensure_one()
        vals = {}
        for fname in (
            "industry_id",
            "crm_department_id",
            "crm_job_function_id",
            "crm_company_size",
            "crm_key_account",
            "crm_contact_type_id",
            "crm_temperature_id",
        ):
            if self[fname] and not prospect[fname]:
                value = self[fname]
                vals[fname] = value.id if isinstance(value, models.BaseModel) else value
        new_tags = self.crm_category_ids - prospect.category_id
        if new_tags:
            vals["category_id"] = [fields.Command.link(tag.id) for tag in new_tags]
        return vals

    def action_take_ownership(self):
        """Axelor's "Prise en charge": the current user takes the lead."""
        self.ensure_one()
        self.user_id = self.env.user
        return True

    def action_crm_send_email(self):
        """Row shortcut of the leads list (Axelor): Odoo's mail composer on the lead,
        addressed to its customer. A lead that has only an email address is
        addressed to the contact of that address, found, or created as Odoo's
        chatter does for the users who may create contacts."""
        self.ensure_one()
        partners = self.partner_id
        if (
            not partners
            and self.email_normalized
            and self.env.user.has_group("base.group_partner_manager")
        ):
            [partners] = self.env["res.partner"]._find_or_create_from_emails(
                [self.email_from],
                additional_values={
                    self.email_normalized: {"name": self.contact_name or False}
                }
                if self.contact_name
                else None,
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send an email"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_partner_ids": partners.ids,
            },
        }

    def action_assign_to_me(self):
        """Assign many leads to the current user in one write."""
        leads = self.filtered(lambda lead: lead.user_id != self.env.user)
        if not leads:
            return True
        # Odoo notifies assignees other than the author: assigning to oneself sends
        # nothing; mail_auto_subscribe_no_notify keeps it so for every lead.
        leads.with_context(mail_auto_subscribe_no_notify=True).write(
            {"user_id": self.env.uid}
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": self.env._(
                    "%(count)s lead(s) assigned to you.", count=len(leads)
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
