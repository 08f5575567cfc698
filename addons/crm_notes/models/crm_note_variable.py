# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmNoteVariable(models.Model):
    """An admin-defined variable of CRM notes (Orderbot's "Variable If Dropdown"):
    a list of options (store type, time zone, ranking…), a free text or a number."""

    _name = "crm.note.variable"
    _inherit = ["crm.note.config.mixin"]
    _description = "CRM Note Variable"
    _crm_note_usage_field = ("crm.note.variable.value", "variable_id")

    variable_type = fields.Selection(
        selection=[
            ("option", "List of options"),
            ("text", "Text"),
            ("number", "Number"),
        ],
        string="Type",
        required=True,
        default="option",
    )
    option_ids = fields.One2many(
        comodel_name="crm.note.variable.option",
        inverse_name="variable_id",
        string="Options",
        copy=True,
    )

    @api.constrains("variable_type", "option_ids")
    def _check_options(self):
        for variable in self:
            if variable.variable_type == "option" and not variable.option_ids:
                raise ValidationError(
                    self.env._(
                        "The variable “%(name)s” is a list of options: give it at "
                        "least one option.",
                        name=variable.name,
                    )
                )
