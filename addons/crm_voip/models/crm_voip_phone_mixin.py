# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.twilio_gateway import normalize_e164


class CrmVoipPhoneMixin(models.AbstractModel):
    """What calls need on a record with a phone and a mobile (contacts, leads): its
    numbers stored in E.164, so that identifying a caller is one indexed equality
    lookup, and its calls (count, list)."""

    _name = "crm.voip.phone.mixin"
    _description = "VoIP: numbers and calls of a record"
    # the crm.voip.call field pointing to records of the inheriting model
    _crm_voip_call_field = None
    # which record answers for a number when several have it
    _crm_voip_find_order = "id"

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
        string="Call count",
        compute="_compute_voip_call_count",
        groups="crm_voip.group_crm_voip_operator",
    )

    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_voip_e164(self):
        # countries read only when a number needs one: creating a record (a lead
        # from the website, an import) costs Odoo no extra query
        default_region = None
        for record in self:
            if not (record.phone or record.mobile):
                record.voip_phone_e164 = record.voip_mobile_e164 = False
                continue
            region = record.country_id.code or record.company_id.country_id.code
            if not region:
                if default_region is None:
                    default_region = self.env.company.country_id.code or False
                region = default_region
            record.voip_phone_e164 = normalize_e164(record.phone, region)
            record.voip_mobile_e164 = normalize_e164(record.mobile, region)

    def _compute_voip_call_count(self):
        field = self._crm_voip_call_field
        counts = dict(
            self.env["crm.voip.call"]._read_group(
                [(field, "in", self.ids)], [field], ["__count"]
            )
        )
        for record in self:
            record.voip_call_count = counts.get(record, 0)

    def action_view_voip_calls(self):
        self.ensure_one()
        field = self._crm_voip_call_field
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_voip.crm_voip_call_action"
        )
        action["domain"] = [(field, "=", self.id)]
        action["context"] = {f"default_{field}": self.id}
        return action

    def _crm_voip_find_domain(self):
        """What else a record must be to answer for a caller's number."""
        return []

    @api.model
    def _crm_voip_find_by_e164(self, e164, company):
        """The record with this phone or mobile in the company (or shared)."""
        if not e164:
            return self.browse()
        return self.search(
            [
                "|",
                ("voip_phone_e164", "=", e164),
                ("voip_mobile_e164", "=", e164),
                ("company_id", "in", [company.id, False]),
                *self._crm_voip_find_domain(),
            ],
            limit=1,
            order=self._crm_voip_find_order,
        )
