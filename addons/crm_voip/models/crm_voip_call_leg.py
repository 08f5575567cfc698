# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .crm_voip_call import FINAL_RANK, STATUS_RANK, status_moves_forward


class CrmVoipCallLeg(models.Model):
    """A child leg of a call: one operator's browser ringing, or the dialled number."""

    _name = "crm.voip.call.leg"
    _description = "Call Leg"
    _order = "id"

    call_id = fields.Many2one(
        comodel_name="crm.voip.call", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="call_id.company_id", store=True)
    sid = fields.Char(string="Call SID", required=True, index=True)
    to_number = fields.Char(string="To")
    user_id = fields.Many2one(comodel_name="res.users", string="Operator")
    twilio_status = fields.Char(string="Status")
    duration = fields.Integer(string="Duration (s)")
    price = fields.Float(string="Cost", digits=(16, 5))
    currency_id = fields.Many2one(comodel_name="res.currency")

    _sql_constraints = [
        ("sid_uniq", "unique (sid)", "A Twilio call leg is logged once."),
    ]

    def _apply_status(self, params):
        self.ensure_one()
        status = params.get("CallStatus")
        if not status_moves_forward(self.twilio_status, status):
            return False
        vals = {"twilio_status": status}
        duration = params.get("CallDuration", "")
        if STATUS_RANK[status] >= FINAL_RANK and duration.isdigit():
            vals["duration"] = int(duration)
        self.write(vals)
        return True
