# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

# context key: our own methods may set the Converted and Lost statuses
ROLE_WRITE = "crm_leads_ext_role_status"


class CrmLead(models.Model):
    _inherit = "crm.lead"

    lead_status_id = fields.Many2one(
        comodel_name="crm.lead.status",
        string="Lead status",
        compute="_compute_lead_status_id",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        group_expand="_read_group_lead_status_ids",
        domain="[('scope', '=', 'lead'), ('company_id', 'in', [company_id, False]),"
        " '|', ('team_ids', '=', False), ('team_ids', 'in', team_id)]",
        ondelete="restrict",
    )
    lead_status_date = fields.Datetime(
        string="In this status since", readonly=True, copy=False
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
        # A kanban column of leads is one status read in crm.lead's order
        # (priority desc, id desc): this index serves it without a sort.
        tools.create_index(
            self._cr,
            "crm_lead_lead_status_kanban_idx",
            self._table,
            ["lead_status_id", "priority DESC", "id DESC"],
            where="lead_status_id IS NOT NULL",
        )
        return res

    @api.depends("type", "company_id")
    def _compute_lead_status_id(self):
        for lead in self:
            if lead.type == "lead" and not lead.lead_status_id:
                company = lead.company_id or self.env.company
                lead.lead_status_id = company.crm_lead_status_new_id

    @api.constrains("worst_case_amount", "best_case_amount", "expected_revenue")
    def _check_case_amounts(self):
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

    @api.model
    def _read_group_lead_status_ids(self, statuses, domain):
        """Every lead status of the current companies is a kanban column."""
        return statuses.search(
            [
                ("scope", "=", "lead"),
                ("company_id", "in", self.env.companies.ids + [False]),
            ]
        )

    def _crm_lead_status_role(self, role):
        """{lead: status} for the status of `role` in each lead's company."""
        fname = f"crm_lead_status_{role}_id"
        return {lead: (lead.company_id or self.env.company)[fname] for lead in self}

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            vals.setdefault("lead_status_date", now)
        leads = super().create(vals_list)
        if not self.env.context.get(ROLE_WRITE):
            leads._check_lead_status_role_write()
        return leads

    def write(self, vals):
        if "lead_status_id" in vals:
            vals = dict(vals, lead_status_date=fields.Datetime.now())
            status = self.env["crm.lead.status"].browse(vals["lead_status_id"])
            self._apply_status_probability(status, vals)
        res = super().write(vals)
        if "lead_status_id" in vals and not self.env.context.get(ROLE_WRITE):
            self._check_lead_status_role_write()
        return res

    def _apply_status_probability(self, status, vals):
        if status.set_probability and "probability" not in vals:
            vals["probability"] = status.probability

    def _check_lead_status_role_write(self):
        """Converted and Lost come only from the Convert and Lost buttons."""
        for lead in self.filtered("lead_status_id"):
            company = lead.company_id or self.env.company
            if lead.lead_status_id in (
                company.crm_lead_status_converted_id | company.crm_lead_status_lost_id
            ):
                raise UserError(
                    self.env._(
                        "“%(status)s” is set by the %(button)s button only.",
                        status=lead.lead_status_id.name,
                        button=self.env._("Convert")
                        if lead.lead_status_id == company.crm_lead_status_converted_id
                        else self.env._("Lost"),
                    )
                )

    @api.model
    def _crm_lead_status_init(self):
        """At install, leads already lost (archived at probability 0) take their
        company's Lost status; the others got the New status from the compute."""
        Lead = self.with_context(active_test=False)
        for company in self.env["res.company"].search([]):
            lost = Lead.search(
                [
                    ("type", "=", "lead"),
                    ("active", "=", False),
                    ("probability", "=", 0),
                    ("company_id", "in", [company.id, False]),
                    ("lead_status_id.is_closed", "!=", True),
                ]
            )
            lost.with_context(**{ROLE_WRITE: True, "tracking_disable": True}).write(
                {"lead_status_id": company.crm_lead_status_lost_id.id}
            )

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def _set_role_status(self, role):
        by_status = {}
        for lead, status in self._crm_lead_status_role(role).items():
            if status and lead.type == "lead":
                by_status.setdefault(status, self.browse())
                by_status[status] |= lead
        for status, leads in by_status.items():
            leads.with_context(**{ROLE_WRITE: True}).write(
                {"lead_status_id": status.id}
            )

    def action_set_lost(self, **additional_values):
        """Odoo's lost (archived, probability 0, lost reason, lead scoring), and the
        company's Lost status for leads."""
        res = super().action_set_lost(**additional_values)
        self._set_role_status("lost")
        return res

    def toggle_active(self):
        """Restoring a lost lead puts it back in the company's New status."""
        res = super().toggle_active()
        restored = self.filtered(
            lambda lead: lead.active
            and lead.lead_status_id
            in (lead.company_id or self.env.company).crm_lead_status_lost_id
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

    def action_take_ownership(self):
        """Axelor's "Prise en charge": the current user takes the lead."""
        self.ensure_one()
        self.user_id = self.env.user
        return True

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
