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
