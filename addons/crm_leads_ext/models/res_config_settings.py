# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


def _mapping(fname):
    return fields.Many2one(related=f"company_id.{fname}", readonly=False)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    group_crm_catalogue = fields.Boolean(
        string="Manage catalogues",
        implied_group="crm_leads_ext.group_crm_catalogue",
    )
    group_crm_campaign = fields.Boolean(
        string="Marketing campaigns",
        implied_group="crm_leads_ext.group_crm_campaign",
    )
    group_crm_convert_company_contact = fields.Boolean(
        string="Convert into a company and a contact",
        implied_group="crm_leads_ext.group_crm_convert_company_contact",
    )
    group_crm_budget_currency = fields.Boolean(
        string="Budget in the customer's currency",
        implied_group="crm_leads_ext.group_crm_budget_currency",
    )
    group_crm_prospect_status = fields.Boolean(
        string="Manage prospect statuses",
        implied_group="crm_leads_ext.group_crm_prospect_status",
    )
    crm_lead_status_new_id = _mapping("crm_lead_status_new_id")
    crm_lead_status_converted_id = _mapping("crm_lead_status_converted_id")
    crm_lead_status_lost_id = _mapping("crm_lead_status_lost_id")
    crm_opportunity_status_new_id = _mapping("crm_opportunity_status_new_id")
    crm_opportunity_status_proposal_id = _mapping("crm_opportunity_status_proposal_id")
    crm_opportunity_status_won_id = _mapping("crm_opportunity_status_won_id")
    crm_opportunity_status_lost_id = _mapping("crm_opportunity_status_lost_id")
    crm_prospect_status_new_id = _mapping("crm_prospect_status_new_id")
    crm_prospect_status_won_id = _mapping("crm_prospect_status_won_id")
    crm_prospect_status_lost_id = _mapping("crm_prospect_status_lost_id")
