# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    crm_voip_call_id = fields.Many2one(
        "crm.voip.call",
        string="Logged call",
        index="btree_not_null",
        ondelete="set null",
        readonly=True,
        copy=False,
        help="The call of CRM VoIP this call event was logged from.",
    )

    _sql_constraints = [
        (
            "crm_voip_call_uniq",
            "unique (crm_voip_call_id)",
            "A call is logged as one call event.",
        ),
    ]
