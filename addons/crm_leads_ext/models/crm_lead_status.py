# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

SCOPES = [("lead", "Lead"), ("opportunity", "Opportunity"), ("prospect", "Prospect")]
ROLES = [
    ("new", "New"),
    ("proposal", "Proposal"),
    ("converted", "Converted"),
    ("won", "Won"),
    ("lost", "Lost"),
]
# the records a status of each list is set on: {scope: (model, field)}
STATUS_FIELDS = {
    "lead": ("crm.lead", "lead_status_id"),
    "opportunity": ("crm.lead", "opportunity_status_id"),
    "prospect": ("res.partner", "prospect_status_id"),
}


class CrmLeadStatus(models.Model):
    """A status of one of Axelor's three lists (leads, opportunities, prospects):
    open or closed, ordered, per team and company (or shared); what New, Proposal,
    Converted/Won and Lost mean is set per company in the CRM Settings."""

    _name = "crm.lead.status"
    _description = "CRM Status"
    _order = "scope, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    scope = fields.Selection(
        selection=SCOPES,
        string="List",
        required=True,
        default="lead",
        help="The list this status belongs to.",
    )
    is_closed = fields.Boolean(
        string="Closed",
        help="Closed statuses end the record's life: they are left out of the Open "
        "lists and shown in the Closed ones.",
    )
    fold = fields.Boolean(string="Folded in kanban")
    set_probability = fields.Boolean(
        help="Set the lead's probability when it takes this status."
    )
    probability = fields.Float()
    color = fields.Integer()
    team_ids = fields.Many2many(
        comodel_name="crm.team",
        string="Sales teams",
        help="Leave empty for every team.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share the status between companies.",
    )
    active = fields.Boolean(default=True)
    role = fields.Selection(
        selection=ROLES,
        compute="_compute_role",
        help="What the status means in the current company (CRM Settings).",
    )

    @api.depends_context("company")
    def _compute_role(self):
        roles = self.env.company._crm_status_roles()
        for status in self:
            status.role = roles.get(status.id, False)

    @api.constrains("scope", "is_closed", "company_id")
    def _check_mapping_still_valid(self):
        """A mapped status keeps fitting its role (closed or open, list, company)."""
        companies = self.env["res.company"].sudo().search([])
        companies.filtered(
            lambda c: any(s.id in self.ids for s in c._crm_status_roles_records())
        )._check_crm_lead_status_roles()

    @api.constrains("scope")
    def _check_scope_unchanged_when_used(self):
        # a status moved to another list would leave its records in a foreign list
        for status in self:
            for scope, (model, fname) in STATUS_FIELDS.items():
                if scope == status.scope:
                    continue
                if (
                    self.env[model]
                    .sudo()
                    .with_context(active_test=False)
                    .search_count([(fname, "=", status.id)], limit=1)
                ):
                    raise UserError(
                        self.env._(
                            "The status “%(status)s” is in use: it cannot move to "
                            "another list.",
                            status=status.name,
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_mapped_or_used(self):
        mapped = self.env["res.company"].sudo()._crm_status_mapping_of(self)
        if mapped:
            company, status = mapped
            raise UserError(
                self.env._(
                    "The status “%(status)s” has a role in %(company)s (CRM "
                    "Settings): change the mapping first, or archive the status.",
                    status=status.name,
                    company=company.name,
                )
            )
        for model, fname in set(STATUS_FIELDS.values()):
            used = (
                self.env[model]
                .sudo()
                .with_context(active_test=False)
                ._read_group([(fname, "in", self.ids)], [fname], ["__count"], limit=1)
            )
            if used:
                status, count = used[0]
                raise UserError(
                    self.env._(
                        "The status “%(status)s” is used by %(count)s record(s): "
                        "archive it instead of deleting it.",
                        status=status.display_name,
                        count=count,
                    )
                )
