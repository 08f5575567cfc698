# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import ast

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression


class CrmNoteReassign(models.TransientModel):
    """Bulk reassignment of CRM notes to another sales rep, with a new date."""

    _name = "crm.note.reassign"
    _description = "Reassign CRM Notes"

    note_ids = fields.Many2many(comodel_name="crm.note", string="Notes")
    domain = fields.Char(
        help="When every note matching the list's filter is selected, its domain."
    )
    note_count = fields.Integer(
        string="Notes to reassign", compute="_compute_note_count"
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Assign to",
        required=True,
        domain="[('share', '=', False)]",
    )
    date_followup = fields.Date(string="New follow-up date")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") != "crm.note":
            return values
        active_ids = context.get("active_ids") or []
        # The web client sends at most `web.active_ids_limit` ids when the user
        # selects every record matching the filter: beyond it, use the filter.
        limit = int(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("web.active_ids_limit", 20000)
        )
        if context.get("active_domain") is not None and len(active_ids) >= limit:
            values["domain"] = repr(context["active_domain"])
        else:
            values["note_ids"] = [fields.Command.set(active_ids)]
        return values

    @api.depends("note_ids", "domain")
    def _compute_note_count(self):
        for wizard in self:
            wizard.note_count = self.env["crm.note"].search_count(
                wizard._notes_domain()
            )

    def _notes_domain(self):
        self.ensure_one()
        if self.domain:
            return ast.literal_eval(self.domain)
        return [("id", "in", self.note_ids.ids)]

    def _partition_notes(self):
        """(requested, writable): how many notes were asked for, and among them
        the notes the current user may modify (ACL and record rules)."""
        Note = self.env["crm.note"]
        chosen = Note.search(self._notes_domain())
        requested = len(chosen) if self.domain else len(self.note_ids.ids)
        if not Note.has_access("write"):
            return requested, Note
        write_rules = self.env["ir.rule"]._compute_domain(Note._name, "write")
        if write_rules:
            domain = expression.AND([[("id", "in", chosen.ids)], write_rules])
            chosen = Note.search(domain)
        return requested, chosen

    def action_reassign(self):
        self.ensure_one()
        requested, writable = self._partition_notes()
        if not requested:
            raise UserError(self.env._("No note to reassign: select notes first."))
        moved, job, refusals = writable._reassign_or_queue(
            self.user_id, self.date_followup
        )
        if len(writable) < requested:
            refusals[self.env._("you may not modify them")] += requested - len(writable)
        refused = sum(refusals.values())
        if job:
            message = self.env._(
                "%(count)s note(s) will be reassigned to %(user)s in the background;"
                " you will be notified when it is done.",
                count=len(job.note_ids),
                user=self.user_id.name,
            )
        else:
            message = self.env._(
                "%(moved)s note(s) reassigned to %(user)s.",
                moved=moved,
                user=self.user_id.name,
            )
        if refused:
            reasons = "; ".join(f"{n}: {reason}" for reason, n in refusals.items())
            message += " " + self.env._(
                "%(refused)s refused (%(reasons)s).", refused=refused, reasons=reasons
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Bulk reassignment"),
                "message": message,
                "type": "warning" if refused else ("info" if job else "success"),
                "sticky": bool(refused),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
