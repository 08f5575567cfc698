# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.crm_voip.models.crm_voip_account import (
    ROUTE_CLIENT as CLIENT,
)
from odoo.addons.crm_voip.models.crm_voip_account import (
    ROUTE_DIAL_ACTION as DIAL,
)
from odoo.addons.crm_voip.models.crm_voip_account import (
    ROUTE_STATUS as STATUS,
)
from odoo.addons.crm_voip.models.crm_voip_account import (
    ROUTE_VOICE as VOICE,
)
from odoo.addons.crm_voip.tests.common import SID_A, VoipCommonMixin, WebhookMixin


@tagged("post_install", "-at_install")
class TestCallEvents(VoipCommonMixin, WebhookMixin, HttpCase):
    """Twilio's webhooks end a call: the customer has a done call event of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()
        cls.op_a.voip_status = "online"
        cls.Call = cls.env["crm.voip.call"]
        cls.Event = cls.env["calendar.event"]
        cls.rep = new_test_user(
            cls.env,
            login="voip_events_rep",
            name="Rep VoIP Events",
            groups="sales_team.group_sale_salesman",
        )

    def setUp(self):
        super().setUp()
        self._point_accounts_here()

    def _inbound(self, sid, caller="+33123456789"):
        return self._post(
            VOICE,
            {
                "AccountSid": SID_A,
                "CallSid": sid,
                "From": caller,
                "To": "+33184880010",
                "CallStatus": "ringing",
                "Direction": "inbound",
            },
        )

    def _status(self, sid, status, parent=None, to=None, duration=None):
        params = {"AccountSid": SID_A, "CallSid": sid, "CallStatus": status}
        if parent:
            params["ParentCallSid"] = parent
        if to:
            params["To"] = to
        if duration is not None:
            params["CallDuration"] = str(duration)
        return self._post(STATUS, params)

    def _event_of(self, call):
        return self.Event.search([("crm_voip_call_id", "=", call.id)])

    def test_answered_inbound_call_is_a_done_call_event(self):
        self._inbound("CAev1")
        call = self.Call.search([("sid", "=", "CAev1")])
        self.assertFalse(self._event_of(call), "still ringing: no event")
        leg = {"parent": "CAev1", "to": f"client:{self.op_a.voip_identity}"}
        self._status("CAevleg", "in-progress", **leg)
        self.assertFalse(self._event_of(call), "in progress: no event yet")
        self._status("CAevleg", "completed", duration=41, **leg)
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAev1", "DialCallStatus": "completed"},
        )
        self._status("CAev1", "completed", duration=45)
        self.assertEqual(call.state, "answered")
        event = self._event_of(call)
        self.assertEqual(len(event), 1)
        self.assertEqual(event.crm_event_kind, "call")
        self.assertEqual(event.crm_state, "done")
        self.assertEqual(event.crm_call_direction, "in")
        self.assertEqual(event.crm_call_from_id, self.customer)
        self.assertEqual(event.crm_call_to_id, self.op_a.partner_id)
        self.assertEqual(event.crm_phone, "+33123456789")
        self.assertEqual(event.user_id, self.op_a)
        self.assertEqual(event.crm_partner_id, self.customer)
        self.assertEqual(event.stop - event.start, timedelta(seconds=41))
        self.assertEqual(event.name, call.name)
        # Nobody outside the company invited, no Odoo activity left open.
        self.assertEqual(event.partner_ids, self.op_a.partner_id)
        self.assertFalse(event.activity_ids)
        # Repeated callbacks (Twilio retries) log no second event.
        self._status("CAev1", "completed", duration=45)
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAev1", "DialCallStatus": "completed"},
        )
        self.assertEqual(self._event_of(call), event)
        # The salesperson finds it in the customer's events.
        action = self.customer.with_user(self.rep).action_crm_events()
        self.assertIn(event, self.Event.with_user(self.rep).search(action["domain"]))

    def test_missed_call_of_a_lead(self):
        lead = self.env["crm.lead"].create(
            {"name": "Prospect call", "phone": "+33 6 11 22 33 44", "type": "lead"}
        )
        self._inbound("CAevmiss", caller="+33611223344")
        call = self.Call.search([("sid", "=", "CAevmiss")])
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAevmiss", "DialCallStatus": "no-answer"},
        )
        self.assertEqual(call.state, "missed")
        event = self._event_of(call)
        self.assertEqual(event.crm_state, "done")
        self.assertEqual(event.crm_call_direction, "in")
        self.assertEqual(event.opportunity_id, lead)
        self.assertEqual(event.crm_contact_id, call.partner_id)
        self.assertEqual(event.stop, event.start, "not answered: no duration")
        self.assertFalse(event.user_id)
        self.assertFalse(
            lead.message_ids.filtered(lambda m: "Meeting scheduled" in (m.body or "")),
            "a logged call is no scheduled meeting",
        )
        self.assertEqual(lead.crm_event_count, 1)
        self._status("CAevmiss", "completed", duration=31)
        self.assertEqual(self._event_of(call), event)

    def test_outbound_call_goes_from_the_agent(self):
        self._post(
            CLIENT,
            {
                "AccountSid": SID_A,
                "CallSid": "CAevout",
                "From": f"client:{self.op_a.voip_identity}",
                "To": "0123456789",
                "CallStatus": "ringing",
                "Direction": "inbound",
            },
        )
        call = self.Call.search([("sid", "=", "CAevout")])
        self._status("CAevoutleg", "in-progress", parent="CAevout", to="+33123456789")
        self._status("CAevout", "completed", duration=12)
        event = self._event_of(call)
        self.assertEqual(event.crm_call_direction, "out")
        self.assertEqual(event.crm_call_from_id, self.op_a.partner_id)
        self.assertEqual(event.crm_call_to_id, self.customer)
        self.assertEqual(event.stop - event.start, timedelta(seconds=12))

    def test_refused_or_unknown_call_logs_nothing(self):
        call = self._make_call(self.number_a, external_number="+33999999999")
        call._crm_voip_apply_status({"CallStatus": "completed"})
        self.assertEqual(call.state, "missed")
        self.assertFalse(call.partner_id)
        self.assertFalse(self._event_of(call), "no contact, no lead: no event")
