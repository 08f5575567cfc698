# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_note_ids = fields.One2many(
        comodel_name="crm.note", inverse_name="partner_id", string="CRM notes"
    )
    crm_note_status_id = fields.Many2one(
        comodel_name="crm.note.status",
        string="Note status",
        compute="_compute_crm_note_status_id",
        search="_search_crm_note_status_id",
        help="Status of the customer's latest open CRM note in your companies.",
    )
    crm_note_count = fields.Integer(
        string="Open notes", compute="_compute_crm_note_count"
    )

    def _crm_note_latest_statuses(self, partner_ids=None):
        """{partner id: status id} of the latest open note of each contact, among
        the notes of the user's allowed companies only (a shared contact has notes
        in several companies: another company's status never shows). One query;
        read as superuser within those companies, as the notes' company rule does."""
        query = SQL(
            """SELECT DISTINCT ON (partner_id) partner_id, status_id
                 FROM crm_note
                WHERE state = 'open' AND partner_id IS NOT NULL
                  AND company_id = ANY(%s) %s
             ORDER BY partner_id, id DESC""",
            self.env.companies.ids,
            SQL("AND partner_id = ANY(%s)", list(partner_ids))
            if partner_ids is not None
            else SQL(),
        )
        self.env["crm.note"].flush_model(
            ["state", "partner_id", "company_id", "status_id"]
        )
        return dict(self.env.execute_query(query))

    @api.depends("crm_note_ids.state", "crm_note_ids.status_id")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_crm_note_status_id(self):
        latest = self._crm_note_latest_statuses(self.filtered("id").ids)
        Status = self.env["crm.note.status"]
        for partner in self:
            partner.crm_note_status_id = Status.browse(latest.get(partner.id))

    def _search_crm_note_status_id(self, operator, value):
        positive = operator not in expression.NEGATIVE_TERM_OPERATORS
        if not positive:
            operator = expression.TERM_OPERATORS_NEGATION[operator]
        latest = self._crm_note_latest_statuses()
        if value is False or value is None:
            # "is set" / "is not set"
            matching = {pid for pid, sid in latest.items() if sid}
            positive = not positive
        else:
            values = value if isinstance(value, list | tuple) else [value]
            field = "name" if any(isinstance(v, str) for v in values) else "id"
            statuses = self.env["crm.note.status"].with_context(active_test=False)
            status_ids = set(statuses.search([(field, operator, value)]).ids)
            matching = {pid for pid, sid in latest.items() if sid in status_ids}
        return [("id", "in" if positive else "not in", list(matching))]

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
