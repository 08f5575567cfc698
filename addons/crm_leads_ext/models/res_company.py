# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

STATUS_ROLES = {
    # field: (role, must the status be closed?)
    "crm_lead_status_new_id": ("new", False),
    "crm_lead_status_converted_id": ("converted", True),
    "crm_lead_status_lost_id": ("lost", True),
}


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_lead_status_new_id = fields.Many2one(
        comodel_name="crm.lead.status",
        string="Default lead status",
        domain="[('scope', '=', 'lead'), ('company_id', 'in', [id, False])]",
    )
    crm_lead_status_converted_id = fields.Many2one(
        comodel_name="crm.lead.status",
        string="Converted lead status",
        domain="[('scope', '=', 'lead'), ('company_id', 'in', [id, False])]",
    )
    crm_lead_status_lost_id = fields.Many2one(
        comodel_name="crm.lead.status",
        string="Lost lead status",
        domain="[('scope', '=', 'lead'), ('company_id', 'in', [id, False])]",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._crm_lead_status_set_defaults()
        return companies

    def _crm_lead_status_set_defaults(self):
        """Map the module's default statuses where a role has none."""
        defaults = {
            "crm_lead_status_new_id": "crm_leads_ext.lead_status_new",
            "crm_lead_status_converted_id": "crm_leads_ext.lead_status_converted",
            "crm_lead_status_lost_id": "crm_leads_ext.lead_status_lost",
        }
        for fname, xmlid in defaults.items():
            status = self.env.ref(xmlid, raise_if_not_found=False)
            if status:
                self.filtered(lambda c, f=fname: not c[f]).write({fname: status.id})

    def _crm_lead_status_roles(self):
        """{status id: role} for this company."""
        self.ensure_one()
        return {
            self[fname].id: role
            for fname, (role, _closed) in STATUS_ROLES.items()
            if self[fname]
        }

    @api.constrains(*STATUS_ROLES)
    def _check_crm_lead_status_roles(self):
        # the role names in the user's language, for the messages
        labels = dict(
            self.env["crm.lead.status"]._fields["role"]._description_selection(self.env)
        )
        for company in self:
            for fname, (role, must_close) in STATUS_ROLES.items():
                status = company[fname]
                if not status:
                    continue
                label = labels[role]
                if status.scope != "lead" or status.company_id not in (
                    company,
                    self.env["res.company"],
                ):
                    raise ValidationError(
                        self.env._(
                            "“%(status)s” is not a lead status of %(company)s: it "
                            "cannot be its %(role)s status.",
                            status=status.name,
                            company=company.name,
                            role=label,
                        )
                    )
                if status.is_closed != must_close:
                    message = (
                        self.env._(
                            "The %(role)s status must be closed: “%(status)s” is open.",
                            role=label,
                            status=status.name,
                        )
                        if must_close
                        else self.env._(
                            "The %(role)s status must be open: “%(status)s” is closed.",
                            role=label,
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
