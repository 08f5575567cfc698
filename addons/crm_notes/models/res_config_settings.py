# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_notes_follow_salesperson = fields.Boolean(
        string="Notes follow the salesperson",
        config_parameter="crm_notes.follow_salesperson",
        help="When a customer's salesperson changes, move the customer's open notes "
        "to the new salesperson.",
    )
