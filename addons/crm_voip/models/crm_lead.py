# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.twilio_gateway import normalize_e164


class CrmLead(models.Model):
    _inherit = "crm.lead"

    voip_phone_e164 = fields.Char(
        string="Phone (E.164)",
        compute="_compute_voip_e164",
        store=True,
        index="btree_not_null",
    )
    voip_mobile_e164 = fields.Char(
        string="Mobile (E.164)",
        compute="_compute_voip_e164",
        store=True,
        index="btree_not_null",
    )
    voip_call_ids = fields.One2many(
        comodel_name="crm.voip.call",
        inverse_name="lead_id",
        string="Calls",
        groups="crm_voip.group_crm_voip_operator",
    )

    voip_call_count = fields.Integer(
        string="Call count",
        compute="_compute_voip_call_count",
        groups="crm_voip.group_crm_voip_operator",
    )

    def _compute_voip_call_count(self):
        counts = dict(
            self.env["crm.voip.call"]._read_group(
                [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]
            )
        )
        for lead in self:
            lead.voip_call_count = counts.get(lead, 0)

    def action_view_voip_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_voip.crm_voip_call_action"
        )
        action["domain"] = [("lead_id", "=", self.id)]
        return action

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_voip_e164(self):
        default_region = self.env.company.country_id.code
        for lead in self:
            region = (
                lead.country_id.code
                or lead.company_id.country_id.code
                or default_region
            )
            lead.voip_phone_e164 = normalize_e164(lead.phone, region)
            lead.voip_mobile_e164 = normalize_e164(lead.mobile, region)

    @api.model
    def _crm_voip_find_by_e164(self, e164, company):
        """The latest open lead with this phone or mobile in the company."""
        if not e164:
            return self.browse()
        return self.search(
            [
                "|",
                ("voip_phone_e164", "=", e164),
                ("voip_mobile_e164", "=", e164),
                ("company_id", "in", [company.id, False]),
                ("probability", "<", 100),
            ],
            limit=1,
            order="id desc",
        )
