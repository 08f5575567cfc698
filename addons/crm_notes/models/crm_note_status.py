# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmNoteStatus(models.Model):
    _name = "crm.note.status"
    _inherit = ["crm.note.config.mixin"]
    _description = "CRM Note Status"
    _crm_note_usage_field = ("crm.note", "status_id")

    color = fields.Integer()
    description = fields.Text(translate=True)
