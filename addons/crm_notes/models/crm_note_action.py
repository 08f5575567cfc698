# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class CrmNoteAction(models.Model):
    _name = "crm.note.action"
    _inherit = ["crm.note.config.mixin"]
    _description = "CRM Note Action"
    _crm_note_usage_field = ("crm.note", "action_id")
