# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.twilio_gateway import normalize_e164


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Stored E.164 numbers: caller identification is one indexed equality lookup.
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

    voip_call_count = fields.Integer(
        string="Calls",
        compute="_compute_voip_call_count",
        groups="crm_voip.group_crm_voip_operator",
    )

    def _compute_voip_call_count(self):
        counts = dict(
            self.env["crm.voip.call"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.voip_call_count = counts.get(partner, 0)

    def action_view_voip_calls(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_voip.crm_voip_call_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_voip_e164(self):
        default_region = self.env.company.country_id.code
        for partner in self:
            region = (
                partner.country_id.code
                or partner.company_id.country_id.code
                or default_region
            )
            partner.voip_phone_e164 = normalize_e164(partner.phone, region)
            partner.voip_mobile_e164 = normalize_e164(partner.mobile, region)

    @api.model
    def _crm_voip_find_by_e164(self, e164, company):
        """The contact with this phone or mobile in the company (or shared)."""
        if not e164:
            return self.browse()
        return self.search(
            [
                "|",
                ("voip_phone_e164", "=", e164),
                ("voip_mobile_e164", "=", e164),
                ("company_id", "in", [company.id, False]),
            ],
            limit=1,
            order="id",
        )
