# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields, models

# Calls that reached (or tried to reach) the customer: a call event each.
LOGGED_STATES = ("answered", "missed", "no_answer")


class CrmVoipCall(models.Model):
    _inherit = "crm.voip.call"

    def _crm_voip_after_update(self):
        res = super()._crm_voip_after_update()
        self._crm_voip_log_events()
        return res

    def _crm_voip_log_events(self):
        """An ended call of a known contact or lead becomes a done call event of
        the customer, once (a call event per call, whatever the callbacks)."""
        calls = self.filtered(
            lambda c: c.state in LOGGED_STATES and (c.partner_id or c.lead_id)
        )
        if not calls:
            return
        Event = self.env["calendar.event"].sudo()
        logged = Event.with_context(active_test=False).search(
            [("crm_voip_call_id", "in", calls.ids)]
        )
        calls -= logged.crm_voip_call_id
        if not calls:
            return
        Event = Event.with_context(
            # A past, done call: no invitation, no reminder, no creation note.
            no_mail_to_attendees=True,
            dont_notify=True,
            mail_create_nolog=True,
            crm_events_no_default_reminder=True,
        )
        events = Event.create([call._crm_voip_event_values() for call in calls])
        # Set after creation: crm posts "Meeting scheduled" on a lead given at
        # creation, which a logged call is not; the call's summary is posted.
        for event, call in zip(events, calls, strict=True):
            if call.lead_id:
                event.opportunity_id = call.lead_id

    def _crm_voip_event_values(self):
        self.ensure_one()
        start = self.date_answer or self.date_start
        contact = self.partner_id or self.lead_id.partner_id
        agent = self.user_id.partner_id
        inbound = self.direction == "inbound"
        return {
            "name": self.name,
            "crm_voip_call_id": self.id,
            "crm_event_kind": "call",
            "crm_state": "done",
            "crm_closed_date": self.date_end or fields.Datetime.now(),
            "start": start,
            "stop": start + timedelta(seconds=self.duration or 0),
            "user_id": self.user_id.id,
            "partner_ids": [fields.Command.set(agent.ids)],
            "crm_partner_id": contact.commercial_partner_id.id,
            "crm_contact_id": contact.id,
            "crm_call_direction": "in" if inbound else "out",
            "crm_call_from_id": (contact if inbound else agent).id,
            "crm_call_to_id": (agent if inbound else contact).id,
            "crm_phone": self.external_number,
            "description": self._crm_voip_summary(),
        }
