# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import formatLang


class CrmNoteVariableValue(models.Model):
    """The value of one variable on one note."""

    _name = "crm.note.variable.value"
    _description = "CRM Note Variable Value"
    _order = "sequence, id"

    note_id = fields.Many2one(
        comodel_name="crm.note", required=True, ondelete="cascade", index=True
    )
    variable_id = fields.Many2one(
        comodel_name="crm.note.variable", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="variable_id.sequence")
    variable_type = fields.Selection(related="variable_id.variable_type")
    option_id = fields.Many2one(
        comodel_name="crm.note.variable.option",
        ondelete="restrict",
        index=True,
        domain="[('variable_id', '=', variable_id)]",
    )
    value_text = fields.Char(string="Text")
    value_number = fields.Float(string="Number")
    value_display = fields.Char(string="Value", compute="_compute_value_display")

    _sql_constraints = [
        (
            "note_variable_uniq",
            "unique(note_id, variable_id)",
            "A variable can have only one value on a note.",
        )
    ]

    @api.depends("variable_type", "option_id", "value_text", "value_number")
    @api.depends_context("lang")
    def _compute_value_display(self):
        for value in self:
            if value.variable_type == "option":
                value.value_display = value.option_id.name or ""
            elif value.variable_type == "number":
                # In the user's language (1 234,5 in French), with the
                # decimals the number has (up to 6), as Odoo's float widget.
                decimals = f"{value.value_number:.6f}".rstrip("0").split(".")[1]
                value.value_display = formatLang(
                    self.env, value.value_number, digits=len(decimals)
                )
            else:
                value.value_display = value.value_text or ""

    @api.constrains("variable_id", "option_id")
    def _check_option_variable(self):
        for value in self:
            if value.option_id and value.option_id.variable_id != value.variable_id:
                raise ValidationError(
                    self.env._(
                        "“%(option)s” is not an option of the variable “%(variable)s”.",
                        option=value.option_id.name,
                        variable=value.variable_id.name,
                    )
                )
