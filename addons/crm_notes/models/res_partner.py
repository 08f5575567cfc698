# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_note_ids = fields.One2many(
        comodel_name="crm.note", inverse_name="partner_id", string="CRM notes"
    )
    crm_note_status_id = fields.Many2one(
        comodel_name="crm.note.status",
        string="Note status",
        compute="_compute_crm_note_status_id",
        store=True,
        compute_sudo=True,
        help="Status of the customer's latest open CRM note.",
    )
    crm_note_count = fields.Integer(
        string="Open notes", compute="_compute_crm_note_count"
    )

    @api.depends("crm_note_ids.state", "crm_note_ids.status_id")
    def _compute_crm_note_status_id(self):
        partners = self.filtered("id")
        notes = self.env["crm.note"].search_fetch(
            [("partner_id", "in", partners.ids), ("state", "=", "open")],
            ["partner_id", "status_id"],
            order="id desc",
        )
        latest = {}
        for note in notes:
            latest.setdefault(note.partner_id.id, note.status_id)
        for partner in self:
            partner.crm_note_status_id = latest.get(partner.id, False)

    def _compute_crm_note_count(self):
        counts = dict(
            self.env["crm.note"]._read_group(
                [("partner_id", "in", self.ids), ("state", "=", "open")],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.crm_note_count = counts.get(partner, 0)

    def write(self, vals):
        moving = self.browse()
        if vals.get("user_id") and self._crm_notes_follow_salesperson():
            moving = self.filtered(lambda p: p.user_id.id != vals["user_id"])
        res = super().write(vals)
        if moving:
            notes = (
                self.env["crm.note"]
                .sudo()
                .search([("partner_id", "in", moving.ids), ("state", "=", "open")])
            )
            notes._reassign(self.env["res.users"].browse(vals["user_id"]))
        return res

    @api.model
    def _crm_notes_follow_salesperson(self):
        return bool(
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("crm_notes.follow_salesperson")
        )

    def action_view_crm_notes(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("crm_notes.crm_note_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "search_default_filter_open": 1,
        }
        return action

    def action_crm_note_new(self):
        """The "clipboard" of the customer list: a new note for this customer."""
        self.ensure_one()
        return self.env["crm.note"]._action_new_note({"default_partner_id": self.id})
