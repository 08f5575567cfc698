# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# field: (list, role, must the status be closed?, default status xmlid)
STATUS_ROLES = {
    "crm_lead_status_new_id": ("lead", "new", False, "lead_status_new"),
    "crm_lead_status_converted_id": (
        "lead",
        "converted",
        True,
        "lead_status_converted",
    ),
    "crm_lead_status_lost_id": ("lead", "lost", True, "lead_status_lost"),
    "crm_opportunity_status_new_id": (
        "opportunity",
        "new",
        False,
        "opportunity_status_new",
    ),
    "crm_opportunity_status_proposal_id": (
        "opportunity",
        "proposal",
        False,
        "opportunity_status_proposal",
    ),
    "crm_opportunity_status_won_id": (
        "opportunity",
        "won",
        True,
        "opportunity_status_won",
    ),
    "crm_opportunity_status_lost_id": (
        "opportunity",
        "lost",
        True,
        "opportunity_status_lost",
    ),
    "crm_prospect_status_new_id": ("prospect", "new", False, "prospect_status_new"),
    "crm_prospect_status_won_id": ("prospect", "won", True, "prospect_status_won"),
    "crm_prospect_status_lost_id": ("prospect", "lost", True, "prospect_status_lost"),
}


def _status_field(scope, string):
    return fields.Many2one(
        comodel_name="crm.lead.status",
        string=string,
        domain=f"[('scope', '=', '{scope}'), ('company_id', 'in', [id, False])]",
    )


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_lead_status_new_id = _status_field("lead", "Default lead status")
    crm_lead_status_converted_id = _status_field("lead", "Converted lead status")
    crm_lead_status_lost_id = _status_field("lead", "Lost lead status")
    crm_opportunity_status_new_id = _status_field(
        "opportunity", "Default opportunity status"
    )
    crm_opportunity_status_proposal_id = _status_field(
        "opportunity", "Proposal opportunity status"
    )
    crm_opportunity_status_won_id = _status_field(
        "opportunity", "Won opportunity status"
    )
    crm_opportunity_status_lost_id = _status_field(
        "opportunity", "Lost opportunity status"
    )
    crm_prospect_status_new_id = _status_field("prospect", "Default prospect status")
    crm_prospect_status_won_id = _status_field("prospect", "Won prospect status")
    crm_prospect_status_lost_id = _status_field("prospect", "Lost prospect status")

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._crm_lead_status_set_defaults()
        return companies

    def _crm_lead_status_set_defaults(self):
        """Map the module's default statuses where a role has none."""
        for fname, (_scope, _role, _closed, xmlid) in STATUS_ROLES.items():
            status = self.env.ref(f"crm_leads_ext.{xmlid}", raise_if_not_found=False)
            if status:
                self.filtered(lambda c, f=fname: not c[f]).write({fname: status.id})

    def _crm_status(self, scope, role):
        """The status of `role` in the list `scope` for this company."""
        self.ensure_one()
        return self[f"crm_{scope}_status_{role}_id"]

    def _crm_status_roles(self):
        """{status id: role} for this company, every list."""
        self.ensure_one()
        return {
            self[fname].id: role
            for fname, (_scope, role, _closed, _xmlid) in STATUS_ROLES.items()
            if self[fname]
        }

    def _crm_status_roles_records(self):
        self.ensure_one()
        return self.env["crm.lead.status"].union(
            *(self[fname] for fname in STATUS_ROLES)
        )

    @api.model
    def _crm_status_mapping_of(self, statuses):
        """(company, status) for one company mapping one of `statuses`, or None."""
        domain = ["|"] * (len(STATUS_ROLES) - 1) + [
            (fname, "in", statuses.ids) for fname in STATUS_ROLES
        ]
        company = self.search(domain, limit=1)
        if not company:
            return None
        mapped = next(company[f] for f in STATUS_ROLES if company[f] in statuses)
        return company, mapped

    @api.constrains(*STATUS_ROLES)
    def _check_crm_lead_status_roles(self):
        # the names of lists and roles in the user's language, for the messages
        Status = self.env["crm.lead.status"]
        roles = dict(Status._fields["role"]._description_selection(self.env))
        scopes = dict(Status._fields["scope"]._description_selection(self.env))
        for company in self:
            for fname, (scope, role, must_close, _xmlid) in STATUS_ROLES.items():
                status = company[fname]
                if not status:
                    continue
                if status.scope != scope or status.company_id not in (
                    company,
                    self.env["res.company"],
                ):
                    raise ValidationError(
                        self.env._(
                            "“%(status)s” is not a status of the %(list)s list of "
                            "%(company)s: it cannot be its %(role)s status.",
                            status=status.name,
                            list=scopes[scope],
                            company=company.name,
                            role=roles[role],
                        )
                    )
                if status.is_closed != must_close:
                    message = (
                        self.env._(
                            "The %(role)s status must be closed: “%(status)s” is open.",
                            role=roles[role],
                            status=status.name,
                        )
                        if must_close
                        else self.env._(
                            "The %(role)s status must be open: “%(status)s” is closed.",
                            role=roles[role],
                            status=status.name,
                        )
                    )
                    raise ValidationError(message)
            mapped = [company[f] for f in STATUS_ROLES if company[f]]
            if len(mapped) != len(set(mapped)):
                raise ValidationError(
                    self.env._(
                        "One status cannot have two roles in %(company)s.",
                        company=company.name,
                    )
                )
