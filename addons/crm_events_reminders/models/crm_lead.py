# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    crm_event_count = fields.Integer(
        string="CRM event count", compute="_compute_crm_event_count"
    )

    def _compute_crm_event_count(self):
        counts = dict(
            self.env["calendar.event"]._read_group(
                [("opportunity_id", "in", self.ids)], ["opportunity_id"], ["__count"]
            )
        )
        for lead in self:
            lead.crm_event_count = counts.get(lead, 0)

    def _crm_event_defaults(self):
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        # The lead's partner is the contact, even a company: Odoo itself treats
        # a company as a contact (email, phone); picking one of its people would
        # be a guess, and notifying the wrong person is worse than the company.
        contact = self.partner_id
        attendees = self.env.user.partner_id | self.partner_id
        return {
            "default_opportunity_id": self.id,
            "default_crm_partner_id": customer.id,
            "default_crm_contact_id": contact.id,
            "default_user_id": self.user_id.id or self.env.uid,
            "default_crm_team_id": self.team_id.id,
            "default_partner_ids": [fields.Command.set(attendees.ids)],
            "default_name": self.name,
            # As for a contact: Odoo's calendar opens the event's activity on the
            # lead (typed after the event's kind), so the lead's activities and
            # its events are one list; closing the event closes the activity.
            "default_res_model": self._name,
            "default_res_id": self.id,
        }

    def action_crm_events(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_action"
        )
        action["domain"] = [("opportunity_id", "=", self.id)]
        action["context"] = dict(
            self._crm_event_defaults(), crm_events_require_customer=True
        )
        return action

    def action_crm_new_event(self):
        self.ensure_one()
        return self.env["calendar.event"]._crm_new_event_action(
            self._crm_event_defaults(), self.env.context.get("crm_event_kind")
        )
