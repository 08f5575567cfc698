# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_event_ids = fields.One2many(
        "calendar.event", "crm_partner_id", string="CRM events"
    )
    crm_event_count = fields.Integer(
        string="CRM event count", compute="_compute_crm_event_count"
    )

    def _compute_crm_event_count(self):
        commercial = self.commercial_partner_id
        counts = dict(
            self.env["calendar.event"]._read_group(
                [("crm_partner_id", "in", commercial.ids)],
                ["crm_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.crm_event_count = counts.get(partner.commercial_partner_id, 0)

    def _crm_event_defaults(self):
        self.ensure_one()
        customer = self.commercial_partner_id
        return {
            "default_crm_partner_id": customer.id,
            # A company is its own contact (see crm.lead._crm_event_defaults).
            "default_crm_contact_id": self.id,
            "default_partner_ids": [
                fields.Command.set((self.env.user.partner_id | self).ids)
            ],
            "default_res_model": self._name,
            "default_res_id": self.id,
        }

    def action_crm_events(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_action"
        )
        action["domain"] = [("crm_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = dict(
            self._crm_event_defaults(), crm_events_require_customer=True
        )
        return action

    def action_crm_new_event(self):
        self.ensure_one()
        return self.env["calendar.event"]._crm_new_event_action(
            self._crm_event_defaults(), self.env.context.get("crm_event_kind")
        )
