# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_shared_company_ids = fields.Many2many(
        comodel_name="res.company",
        relation="res_partner_crm_shared_company_rel",
        column1="partner_id",
        column2="company_id",
        string="Shared with",
        help="Companies that see and use this contact besides its own company. "
        "A contact without company is already shared with every company.",
    )

    def _check_company_domain(self, companies):
        """A contact shared with a company may be used on that company's records."""
        domain = super()._check_company_domain(companies)
        if isinstance(companies, str):  # an expression evaluated by the web client
            return ["|", ("crm_shared_company_ids", "in", companies), *domain]
        company_ids = [cid for cid in models.to_company_ids(companies) if cid]
        if not company_ids:
            return domain
        return expression.OR([domain, [("crm_shared_company_ids", "in", company_ids)]])
