# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmNoteVariableOption(models.Model):
    _name = "crm.note.variable.option"
    _description = "CRM Note Variable Option"
    _order = "variable_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    variable_id = fields.Many2one(
        comodel_name="crm.note.variable",
        required=True,
        ondelete="cascade",
        index=True,
    )
    active = fields.Boolean(related="variable_id.active", store=True)

    @api.depends("name", "variable_id.name")
    @api.depends_context("crm_note_option_short")
    def _compute_display_name(self):
        for option in self:
            if self.env.context.get("crm_note_option_short"):
                option.display_name = option.name
            else:
                option.display_name = f"{option.variable_id.name}: {option.name}"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        values = self.env["crm.note.variable.value"].sudo()
        if values.search_count([("option_id", "in", self.ids)], limit=1):
            raise UserError(
                self.env._(
                    "This option is chosen on notes: keep it, or archive its variable."
                )
            )
