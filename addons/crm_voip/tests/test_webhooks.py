# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from twilio.request_validator import RequestValidator

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.bus.models.bus import channel_with_db, json_dump

from ..models.crm_voip_account import (
    ROUTE_CLIENT as CLIENT,
)
from ..models.crm_voip_account import (
    ROUTE_DIAL_ACTION as DIAL,
)
from ..models.crm_voip_account import (
    ROUTE_RECORDING as RECORDING,
)
from ..models.crm_voip_account import (
    ROUTE_STATUS as STATUS,
)
from ..models.crm_voip_account import (
    ROUTE_VOICE as VOICE,
)
from .common import SID_A, SID_B, TOKEN_B, VoipCommonMixin, WebhookMixin


@tagged("post_install", "-at_install")
class TestWebhooks(VoipCommonMixin, WebhookMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()
        cls.op_a.voip_status = "online"
        cls.Call = cls.env["crm.voip.call"]

    def setUp(self):
        super().setUp()
        self._point_accounts_here()

    def _inbound(self, sid="CAin1", caller="+33123456789", to="+33184880010", **kw):
        params = dict(
            AccountSid=SID_A,
            CallSid=sid,
            From=caller,
            To=to,
            CallStatus="ringing",
            Direction="inbound",
            **kw,
        )
        return self._post(VOICE, params)

    def _status(self, sid, status, parent=None, to=None, duration=None, **kw):
        params = dict(AccountSid=SID_A, CallSid=sid, CallStatus=status, **kw)
        if parent:
            params["ParentCallSid"] = parent
        if to:
            params["To"] = to
        if duration is not None:
            params["CallDuration"] = str(duration)
        return self._post(STATUS, params)

    # Inbound ---------------------------------------------------------------------
    def test_inbound_answered_recorded(self):
        """Known caller; operator's browser rings, answers; recording; chatter post."""
        response = self._inbound()
        self.assertEqual(response.status_code, 200)
        twiml = self._twiml(response)
        dial = twiml.find("Dial")
        self.assertEqual(dial.get("record"), "record-from-answer-dual")
        self.assertEqual(dial.get("timeout"), "30")
        self.assertEqual(dial.get("action"), self.base_url() + DIAL)
        clients = dial.findall("Client")
        self.assertEqual(
            [c.findtext("Identity") for c in clients], [self.op_a.voip_identity]
        )
        self.assertEqual(clients[0].get("statusCallback"), self.base_url() + STATUS)
        call = self.Call.search([("sid", "=", "CAin1")])
        self.assertEqual(call.partner_id, self.customer)
        parameters = {
            p.get("name"): p.get("value") for p in clients[0].findall("Parameter")
        }
        self.assertEqual(parameters["crm_voip_partner_name"], "Known Customer")
        self.assertEqual(parameters["crm_voip_call_id"], str(call.id))
        self.assertEqual(call.state, "ringing")
        self.assertEqual(call.company_id, self.company_a)
        leg = {"parent": "CAin1", "to": f"client:{self.op_a.voip_identity}"}
        self.assertEqual(self._status("CAleg1", "ringing", **leg).status_code, 204)
        self._status("CAleg1", "in-progress", **leg)
        self.assertEqual(call.state, "in_progress")
        self.assertEqual(call.user_id, self.op_a)
        self._post(
            RECORDING,
            {
                "AccountSid": SID_A,
                "CallSid": "CAin1",
                "RecordingSid": "RE1",
                "RecordingUrl": "https://api.twilio.com/rec/RE1",
                "RecordingStatus": "completed",
                "RecordingDuration": "40",
            },
        )
        self._status("CAleg1", "completed", duration=41, **leg)
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAin1", "DialCallStatus": "completed"},
        )
        self._status("CAin1", "completed", duration=45)
        self.assertEqual(call.state, "answered")
        self.assertEqual(call.duration, 41)
        self.assertEqual(call.recording_sid, "RE1")
        self.assertEqual(call.recording_duration, 40)
        self.assertEqual(call.cost_state, "pending")
        self.assertEqual(call.leg_ids.user_id, self.op_a)
        self.assertEqual(call.leg_ids.duration, 41)
        posts = self.customer.message_ids.filtered(lambda m: "Answered" in m.body)
        self.assertEqual(len(posts), 1)
        self.assertEqual(self.customer.with_user(self.op_a).voip_call_count, 1)
        action = self.customer.action_view_voip_calls()
        self.assertEqual(self.Call.search(action["domain"]), call)

    def test_inbound_no_answer_is_missed(self):
        self._inbound(sid="CAmiss")
        call = self.Call.search([("sid", "=", "CAmiss")])
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAmiss", "DialCallStatus": "no-answer"},
        )
        self.assertEqual(call.state, "missed")
        self.assertTrue(call.is_missed)
        # nobody took it: the softphones of the number's operators list it live
        channels = (
            self.env["bus.bus"]
            .search([("message", "like", "crm_voip_call_updated")])
            .mapped("channel")
        )
        self.assertIn(
            json_dump(channel_with_db(self.env.cr.dbname, self.op_a.partner_id)),
            channels,
        )
        self.assertNotIn(
            json_dump(channel_with_db(self.env.cr.dbname, self.op_b.partner_id)),
            channels,
        )
        self._status("CAmiss", "completed", duration=31)
        self.assertEqual(call.state, "missed")
        self.assertEqual(call.duration, 0)

    def test_inbound_busy_is_missed(self):
        self._inbound(sid="CAbusy")
        self._post(
            DIAL, {"AccountSid": SID_A, "CallSid": "CAbusy", "DialCallStatus": "busy"}
        )
        self.assertEqual(self.Call.search([("sid", "=", "CAbusy")]).state, "missed")

    def test_inbound_nobody_online(self):
        """No online operator: spoken message, the call is missed at once."""
        response = self._inbound(sid="CAnobody", to="+33184880020")
        twiml = self._twiml(response)
        self.assertIsNone(twiml.find("Dial"))
        self.assertIsNotNone(twiml.find("Say"))
        self.assertEqual(self.Call.search([("sid", "=", "CAnobody")]).state, "missed")

    def test_unknown_caller_creates_contact_and_matches_lead(self):
        lead = self.env["crm.lead"].create(
            {"name": "Prospect call", "phone": "+33 6 11 22 33 44", "type": "lead"}
        )
        self._inbound(sid="CAlead", caller="+33611223344", CallerName="ACME")
        call = self.Call.search([("sid", "=", "CAlead")])
        self.assertEqual(call.lead_id, lead)
        self.assertEqual(call.partner_id.name, "ACME")
        self.assertEqual(call.partner_id.voip_phone_e164, "+33611223344")
        self.assertEqual(call.partner_id.company_id, self.company_a)
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAlead", "DialCallStatus": "no-answer"},
        )
        self.assertTrue(lead.message_ids.filtered(lambda m: "Missed" in m.body))
        self.assertEqual(lead.voip_call_count, 1)
        self.assertEqual(
            self.Call.search(lead.action_view_voip_calls()["domain"]), call
        )
        # a second call from the same number finds the created contact
        self._inbound(sid="CAlead2", caller="+33611223344")
        self.assertEqual(
            self.Call.search([("sid", "=", "CAlead2")]).partner_id, call.partner_id
        )

    def test_idempotent_and_out_of_order(self):
        """The same callback twice changes nothing; completed before ringing wins."""
        self._inbound(sid="CAidem")
        call = self.Call.search([("sid", "=", "CAidem")])
        leg = {"parent": "CAidem", "to": f"client:{self.op_a.voip_identity}"}
        self._status("CAlegI", "completed", duration=20, **leg)
        self._status("CAlegI", "ringing", **leg)
        self._status("CAidem", "completed", duration=25)
        self._status("CAidem", "ringing")
        self._status("CAidem", "completed", duration=25)
        self.assertEqual(call.state, "answered")
        self.assertEqual(call.twilio_status, "completed")
        self.assertEqual(call.duration, 20)
        self.assertEqual(len(call.leg_ids), 1)
        self.assertEqual(call.leg_ids.twilio_status, "completed")
        messages = self.customer.message_ids
        self._inbound(sid="CAidem")  # Twilio retrying the voice URL
        self._status("CAidem", "completed", duration=25)
        self.assertEqual(self.Call.search_count([("sid", "=", "CAidem")]), 1)
        self.assertEqual(self.customer.message_ids, messages)

    # Signatures ------------------------------------------------------------------
    @mute_logger("odoo.addons.crm_voip.controllers.main", "werkzeug")
    def test_forged_tampered_replayed_refused(self):
        count = self.Call.search_count([])
        params = {
            "AccountSid": SID_A,
            "CallSid": "CAforged",
            "From": "+33699999999",
            "To": "+33184880010",
            "CallStatus": "ringing",
        }
        # forged: signed with another token
        self.assertEqual(
            self._post(VOICE, params, token="not-the-token").status_code, 403
        )
        # no signature at all
        self.assertEqual(self._post(VOICE, params, signature="").status_code, 403)
        # tampered: signed, then a parameter changed
        signed_for = dict(params, From="+33600000000")
        sig = RequestValidator("token-company-a").compute_signature(
            self.base_url() + VOICE, signed_for
        )
        self.assertEqual(self._post(VOICE, params, signature=sig).status_code, 403)
        # replayed to another URL: a valid status signature posted to /voice
        self.assertEqual(
            self._post(VOICE, params, signed_url=self.base_url() + STATUS).status_code,
            403,
        )
        # internal URL instead of the configured public one
        self.account_a.public_base_url = "https://crm.example.com"
        self.assertEqual(self._post(VOICE, params).status_code, 403)
        # unknown account
        self._point_accounts_here()
        self.assertEqual(
            self._post(VOICE, dict(params, AccountSid="AC" + "0" * 32)).status_code,
            403,
        )
        self.assertEqual(self.Call.search_count([]), count)
        self.assertFalse(
            self.env["res.partner"].search([("phone", "=", "+33699999999")])
        )

    @mute_logger("odoo.addons.crm_voip.controllers.main", "werkzeug")
    def test_status_signature_refused(self):
        self._inbound(sid="CAsig")
        call = self.Call.search([("sid", "=", "CAsig")])
        params = {"AccountSid": SID_A, "CallSid": "CAsig", "CallStatus": "completed"}
        self.assertEqual(self._post(STATUS, params, token="x").status_code, 403)
        self.assertEqual(
            self._post(
                RECORDING, dict(params, RecordingSid="RE9"), token="x"
            ).status_code,
            403,
        )
        self.assertEqual(call.twilio_status, "ringing")
        self.assertFalse(call.recording_sid)

    def test_other_company_account_cannot_reach_company_a(self):
        """Company B's account signing for company A's number touches nothing of A."""
        params = {
            "AccountSid": SID_B,
            "CallSid": "CAcross",
            "From": "+33123456789",
            "To": "+33184880010",
            "CallStatus": "ringing",
        }
        response = self._post(VOICE, params, token=TOKEN_B)
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(self._twiml(response).find("Say"))
        self.assertFalse(self.Call.search([("sid", "=", "CAcross")]))
        # B's status callback for A's call changes nothing
        self._inbound(sid="CAofA")
        self._post(
            STATUS,
            {"AccountSid": SID_B, "CallSid": "CAofA", "CallStatus": "completed"},
            token=TOKEN_B,
        )
        self.assertEqual(self.Call.search([("sid", "=", "CAofA")]).state, "ringing")

    def test_company_b_call(self):
        self.op_b.voip_status = "online"
        params = {
            "AccountSid": SID_B,
            "CallSid": "CAinB",
            "From": "+33987654321",
            "To": "+33184880030",
            "CallStatus": "ringing",
        }
        twiml = self._twiml(self._post(VOICE, params, token=TOKEN_B))
        self.assertEqual(
            [c.findtext("Identity") for c in twiml.iter("Client")],
            [self.op_b.voip_identity],
        )
        call = self.Call.search([("sid", "=", "CAinB")])
        self.assertEqual(call.company_id, self.company_b)
        self.assertEqual(call.partner_id.company_id, self.company_b)
        self.assertEqual(twiml.find("Dial").get("record"), "do-not-record")

    # Outbound --------------------------------------------------------------------
    def _outbound(self, sid, user, to, **kw):
        params = dict(
            AccountSid=SID_A,
            CallSid=sid,
            From=f"client:{user.voip_identity}",
            To=to,
            CallStatus="ringing",
            Direction="inbound",
            **kw,
        )
        return self._post(CLIENT, params)

    def test_outbound_allowed(self):
        twiml = self._twiml(self._outbound("CAout", self.op_a, "0123456789"))
        dial = twiml.find("Dial")
        self.assertEqual(dial.get("callerId"), "+33184880010")
        self.assertEqual(dial.find("Number").text, "+33123456789")
        self.assertEqual(dial.get("record"), "record-from-answer-dual")
        call = self.Call.search([("sid", "=", "CAout")])
        self.assertEqual(call.direction, "outbound")
        self.assertEqual(call.user_id, self.op_a)
        self.assertEqual(call.partner_id, self.customer)
        self._status("CAoutleg", "in-progress", parent="CAout", to="+33123456789")
        self._status("CAout", "completed", duration=12)
        self.assertEqual(call.state, "answered")
        self.assertEqual(call.duration, 12)

    def test_outbound_no_answer(self):
        self._outbound("CAoutNA", self.op_a, "+33123456789")
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAoutNA", "DialCallStatus": "no-answer"},
        )
        self.assertEqual(self.Call.search([("sid", "=", "CAoutNA")]).state, "no_answer")

    def test_outbound_refused(self):
        """Outgoing off (number or operator), blacklisted, or not an operator."""
        self.number_a.operator_ids.allow_outgoing = False
        twiml = self._twiml(self._outbound("CAr1", self.op_a, "+33123456789"))
        self.assertIsNone(twiml.find("Dial"))
        self.assertIn("disabled", twiml.find("Say").text)
        self.assertEqual(self.Call.search([("sid", "=", "CAr1")]).state, "refused")
        self.number_a.operator_ids.allow_outgoing = True
        self.number_a.allow_outgoing = False
        twiml = self._twiml(self._outbound("CAr2", self.op_a, "+33123456789"))
        self.assertIsNone(twiml.find("Dial"))
        self.number_a.allow_outgoing = True
        self.env["phone.blacklist"].sudo().create({"number": "+33 6 55 55 55 55"})
        twiml = self._twiml(self._outbound("CAr3", self.op_a, "0655555555"))
        self.assertIsNone(twiml.find("Dial"))
        call = self.Call.search([("sid", "=", "CAr3")])
        self.assertEqual(call.refusal_reason, "blacklisted")
        self.assertFalse(call.partner_id, "no contact created for a blacklisted number")
        twiml = self._twiml(self._outbound("CAr4", self.manager, "+33123456789"))
        self.assertIsNone(twiml.find("Dial"))
        self.assertEqual(
            self.Call.search([("sid", "=", "CAr4")]).refusal_reason, "not_operator"
        )

    def test_outbound_unknown_number_creates_contact(self):
        self._outbound("CAnew", self.op_a, "+33677777777")
        call = self.Call.search([("sid", "=", "CAnew")])
        self.assertEqual(call.partner_id.phone, "+33677777777")

    def test_outbound_caller_id_choice(self):
        """The browser picks the caller ID among the numbers the user operates."""
        self.number_a2.operator_ids = [(0, 0, {"user_id": self.op_a.id})]
        twiml = self._twiml(
            self._outbound("CAcid", self.op_a, "+33123456789", CallerId="+33184880020")
        )
        self.assertEqual(twiml.find("Dial").get("callerId"), "+33184880020")
        self.assertEqual(twiml.find("Dial").get("record"), "do-not-record")


@tagged("post_install", "-at_install")
class TestWebhooksCompanyLanguage(VoipCommonMixin, WebhookMixin, HttpCase):
    """Twilio's webhooks run as superuser without a language: what they store (call
    names, tracked statuses, chatter summaries) is in the company's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(["crm_voip"], ["fr_FR"])
        cls._setup_voip()
        cls.company_a.partner_id.lang = "fr_FR"
        cls.op_a.voip_status = "online"

    def setUp(self):
        super().setUp()
        self._point_accounts_here()

    def test_stored_in_the_company_language(self):
        self._post(
            VOICE,
            {
                "AccountSid": SID_A,
                "CallSid": "CAfr",
                "From": "+33123456789",
                "To": "+33184880010",
                "CallStatus": "ringing",
                "Direction": "inbound",
            },
        )
        call = self.env["crm.voip.call"].search([("sid", "=", "CAfr")])
        self.assertEqual(call.name, "Appel de Known Customer")
        self._post(
            DIAL,
            {"AccountSid": SID_A, "CallSid": "CAfr", "DialCallStatus": "no-answer"},
        )
        self._post(
            STATUS, {"AccountSid": SID_A, "CallSid": "CAfr", "CallStatus": "completed"}
        )
        self.assertEqual(call.state, "missed")
        # an English reader sees what was stored: the company's language
        summary = self.customer.with_context(lang="en_US").message_ids.filtered(
            lambda m: "CAfr" not in m.body and "Appel de" in m.body
        )
        self.assertEqual(len(summary), 1)
        self.assertIn("Manqué", summary.body)
        self.assertIn("Agent : -", summary.body)
        tracked = call.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertIn("Manqué", tracked.mapped("new_value_char"))
        self.assertNotIn("Missed", tracked.mapped("new_value_char"))
