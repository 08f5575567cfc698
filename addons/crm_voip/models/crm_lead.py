# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.voip.phone.mixin"]
    _crm_voip_call_field = "lead_id"
    # the latest open lead answers for a number
    _crm_voip_find_order = "id desc"

    voip_call_ids = fields.One2many(
        comodel_name="crm.voip.call",
        inverse_name="lead_id",
        string="Calls",
        groups="crm_voip.group_crm_voip_operator",
    )

    def _crm_voip_find_domain(self):
        return [("probability", "<", 100)]
