# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class CrmNoteClose(models.TransientModel):
    """Orderbot's red cross: mark notes done, or done and followed by a new one."""

    _name = "crm.note.close"
    _description = "Close CRM Notes"

    note_ids = fields.Many2many(comodel_name="crm.note", string="Notes")

    def _check_notes(self):
        if not self.note_ids:
            raise UserError(self.env._("No note to close: select notes first."))

    def action_done(self):
        self.ensure_one()
        self._check_notes()
        self.note_ids.action_done()
        return {"type": "ir.actions.act_window_close"}

    def action_done_and_new(self):
        self.ensure_one()
        self._check_notes()
        if len(self.note_ids) == 1:
            return self.note_ids.action_done_and_new()
        self.note_ids.action_done()
        return {"type": "ir.actions.act_window_close"}
