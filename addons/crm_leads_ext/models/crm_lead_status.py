# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

ROLES = [("new", "New"), ("converted", "Converted"), ("lost", "Lost")]


class CrmLeadStatus(models.Model):
    """A status of Axelor's lead list: open or closed, ordered, per team and
    company (or shared); what New, Converted and Lost mean is set per company."""

    _name = "crm.lead.status"
    _description = "Lead Status"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    scope = fields.Selection(
        selection=[("lead", "Lead")],
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
        roles = self.env.company._crm_lead_status_roles()
        for status in self:
            status.role = roles.get(status.id, False)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_mapped_or_used(self):
        mapped = (
            self.env["res.company"]
            .sudo()
            .search(
                [
                    "|",
                    "|",
                    ("crm_lead_status_new_id", "in", self.ids),
                    ("crm_lead_status_converted_id", "in", self.ids),
                    ("crm_lead_status_lost_id", "in", self.ids),
                ],
                limit=1,
            )
        )
        if mapped:
            raise UserError(
                self.env._(
                    "This status has a role in %(company)s (CRM Settings): change the "
                    "mapping first, or archive the status.",
                    company=mapped.name,
                )
            )
        used = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            ._read_group(
                [("lead_status_id", "in", self.ids)], ["lead_status_id"], ["__count"]
            )
        )
        if used:
            status, count = used[0]
            raise UserError(
                self.env._(
                    "The status “%(status)s” is used by %(count)s lead(s): archive it "
                    "instead of deleting it.",
                    status=status.display_name,
                    count=count,
                )
            )
