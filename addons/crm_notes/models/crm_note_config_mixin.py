# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmNoteConfigMixin(models.AbstractModel):
    """What statuses, actions and variables share: a translatable name, an order,
    archiving, an optional company (empty: shared), and no deletion while in use."""

    _name = "crm.note.config.mixin"
    _description = "CRM Note Configuration"
    _order = "sequence, id"
    # field of crm.note (or of its variable values) that points to this model
    _crm_note_usage_field = None

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )

    def _crm_note_usage(self):
        """[(record, number of notes using it)] for the records of self in use."""
        model, field = self._crm_note_usage_field
        return (
            self.env[model]
            .sudo()
            ._read_group([(field, "in", self.ids)], [field], ["__count"])
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        used = self._crm_note_usage()
        if used:
            record, count = used[0]
            raise UserError(
                self.env._(
                    "“%(name)s” is used by %(count)s note(s): "
                    "archive it instead of deleting it.",
                    name=record.display_name,
                    count=count,
                )
            )
