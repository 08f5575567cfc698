# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import json
from concurrent.futures import ThreadPoolExecutor

import requests
from twilio.request_validator import RequestValidator

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
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
from .common import SID_A, SID_B, TOKEN_A, TOKEN_B, VoipCommonMixin, WebhookMixin


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


@tagged("post_install", "-at_install")
class TestWebhooksBadInput(VoipCommonMixin, WebhookMixin, HttpCase):
    """Every public route given bad input (issue 15): the right HTTP status, never a
    traceback, nothing half written, and the same event twice changes nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()
        cls.op_a.voip_status = "online"
        cls.Call = cls.env["crm.voip.call"]

    def setUp(self):
        super().setUp()
        self._point_accounts_here()

    _inbound = TestWebhooks._inbound
    _status = TestWebhooks._status

    def _counts(self):
        """What a refused or repeated webhook must leave as it was."""
        self.env.flush_all()
        self.env.cr.precommit.run()  # pending tracking of the test's own writes
        self.env.invalidate_all()
        return {
            "calls": self.Call.search_count([]),
            "legs": self.env["crm.voip.call.leg"].search_count([]),
            "partners": self.env["res.partner"].search_count([]),
            "messages": self.env["mail.message"].search_count([]),
        }

    def _assert_refused(self, response, status, counts):
        self.assertEqual(response.status_code, status, response.text[:300])
        self.assertNotIn("Traceback", response.text)
        self.assertEqual(self._counts(), counts)

    def _signed(self, route, params, token=TOKEN_A):
        signature = RequestValidator(token).compute_signature(
            self.base_url() + route, params
        )
        return {"X-Twilio-Signature": signature}

    @mute_logger("odoo.addons.crm_voip.controllers.main", "odoo.http", "werkzeug")
    def test_wrong_content_type_refused(self):
        """JSON (signed as Twilio signs JSON bodies) or multipart: 415, nothing
        written."""
        counts = self._counts()
        params = {"AccountSid": SID_A, "CallSid": "CAjson", "From": "+33699999999"}
        params.update(To="+33184880010", CallStatus="completed", Direction="inbound")
        for route in (VOICE, CLIENT, DIAL, STATUS, RECORDING):
            body = json.dumps(params)
            url = f"{self.base_url()}{route}?bodySHA256=" + (
                hashlib.sha256(body.encode()).hexdigest()
            )
            headers = {
                "Content-Type": "application/json",
                "X-Twilio-Signature": RequestValidator(TOKEN_A).compute_signature(
                    url, {}
                ),
            }
            response = self.opener.post(url, data=body, headers=headers, timeout=12)
            self._assert_refused(response, 415, counts)
            response = self.opener.post(
                self.base_url() + route,
                files={"CallSid": (None, "CAjson")},
                data=params,
                headers=self._signed(route, params),
                timeout=12,
            )
            self._assert_refused(response, 415, counts)

    @mute_logger("odoo.addons.crm_voip.controllers.main", "odoo.http", "werkzeug")
    def test_huge_body_refused(self):
        """A body of several MB: 413 from the form parser before it is parsed."""
        counts = self._counts()
        params = {
            "AccountSid": SID_A,
            "CallSid": "CAhuge",
            "From": "+33699999999",
            "To": "+33184880010",
            "CallStatus": "ringing",
            "Padding": "x" * (5 * 1024 * 1024),
        }
        for route in (VOICE, CLIENT, DIAL, STATUS, RECORDING):
            response = self._post(route, params)
            self._assert_refused(response, 413, counts)
        # Twilio's real size passes
        self.assertEqual(
            self._post(VOICE, dict(params, Padding="x" * 500)).status_code, 200
        )

    @mute_logger("odoo.addons.crm_voip.controllers.main", "odoo.http", "werkzeug")
    def test_malformed_fields_refused(self):
        """Signed, but not what Twilio sends: 400, nothing written or changed."""
        self._inbound(sid="CAok")
        call = self.Call.search([("sid", "=", "CAok")])
        counts = self._counts()
        inbound = {
            "AccountSid": SID_A,
            "CallSid": "CAbad",
            "From": "+33699999999",
            "To": "+33184880010",
            "CallStatus": "ringing",
        }
        cases = [
            (VOICE, {k: v for k, v in inbound.items() if k != "CallSid"}),
            (VOICE, dict(inbound, CallSid="")),
            (VOICE, dict(inbound, CallSid="../../CAx")),
            (VOICE, dict(inbound, From="<script>alert(1)</script>")),
            (VOICE, dict(inbound, From="+33 6 99 99 99 99; DROP")),
            (VOICE, dict(inbound, From="+336" + "9" * 2000)),
            (VOICE, dict(inbound, To="+33184880010\r\nX-Injected: 1")),
            (VOICE, {k: v for k, v in inbound.items() if k != "To"}),
            (VOICE, dict(inbound, CallStatus="exploded")),
            (CLIENT, dict(inbound, From="client:odoo x")),
            (STATUS, {"AccountSid": SID_A, "CallSid": "CAok"}),
            (STATUS, {"AccountSid": SID_A, "CallSid": "CAok", "CallStatus": "done"}),
            (
                STATUS,
                {
                    "AccountSid": SID_A,
                    "CallSid": "CAok",
                    "CallStatus": "completed",
                    "CallDuration": "abc",
                },
            ),
            (
                STATUS,
                {
                    "AccountSid": SID_A,
                    "CallSid": "CAleg",
                    "ParentCallSid": "CAok' OR 1=1",
                    "CallStatus": "ringing",
                },
            ),
            (DIAL, {"AccountSid": SID_A, "CallSid": "CAok"}),
            (
                DIAL,
                {"AccountSid": SID_A, "CallSid": "CAok", "DialCallStatus": "maybe"},
            ),
            (
                DIAL,
                {
                    "AccountSid": SID_A,
                    "CallSid": "CAok",
                    "DialCallStatus": "completed",
                    "DialCallDuration": "-3",
                },
            ),
            (RECORDING, {"AccountSid": SID_A, "CallSid": "CAok"}),
            (
                RECORDING,
                {"AccountSid": SID_A, "CallSid": "CAok", "RecordingSid": "../Calls"},
            ),
            (
                RECORDING,
                {
                    "AccountSid": SID_A,
                    "CallSid": "CAok",
                    "RecordingSid": "RE1",
                    "RecordingDuration": "1e9",
                },
            ),
        ]
        for route, params in cases:
            with self.subTest(route=route, params=params):
                self._assert_refused(self._post(route, params), 400, counts)
        self.assertEqual(
            call.read(["twilio_status", "dial_status", "recording_sid", "duration"])[0],
            {
                "id": call.id,
                "twilio_status": "ringing",
                "dial_status": False,
                "recording_sid": False,
                "duration": 0,
            },
        )
        # a withheld number is no garbage: the call is logged, without a contact
        response = self._inbound(sid="CAanon", caller="anonymous")
        self.assertEqual(response.status_code, 200)
        anonymous = self.Call.search([("sid", "=", "CAanon")])
        self.assertEqual(anonymous.external_number, "anonymous")
        self.assertFalse(anonymous.partner_id)

    @mute_logger("odoo.addons.crm_voip.controllers.main", "odoo.http", "werkzeug")
    def test_unknown_call_or_number(self):
        """A callback for a call or number this database does not know: 404 (the
        voice URL answers the caller that the number is not in service)."""
        counts = self._counts()
        unknown = {"AccountSid": SID_A, "CallSid": "CAunknown"}
        for route, params in (
            (STATUS, dict(unknown, CallStatus="completed")),
            (STATUS, dict(unknown, CallStatus="ringing", ParentCallSid="CAnoparent")),
            (DIAL, dict(unknown, DialCallStatus="completed")),
            (RECORDING, dict(unknown, RecordingSid="RE404")),
            # an inbound status for a number that is not ours (not created either)
            (
                STATUS,
                dict(
                    unknown,
                    CallStatus="completed",
                    Direction="inbound",
                    From="+33699999999",
                    To="+33100000000",
                ),
            ),
        ):
            with self.subTest(route=route, params=params):
                self._assert_refused(self._post(route, params), 404, counts)
        response = self._inbound(sid="CAnotours", to="+33100000000")
        self.assertEqual(response.status_code, 200)
        self.assertIn("not in service", self._twiml(response).find("Say").text)
        self.assertEqual(self._counts(), counts)

    def test_status_before_voice_logs_the_call_once(self):
        """Twilio's status callback first (the voice webhook came late or failed):
        the call is logged from it, and the voice webhook then finds it."""
        response = self._status(
            "CAearly",
            "completed",
            duration=0,
            Direction="inbound",
            From="+33123456789",
            To="+33184880010",
        )
        self.assertEqual(response.status_code, 204)
        call = self.Call.search([("sid", "=", "CAearly")])
        self.assertEqual(call.state, "missed")
        self.assertEqual(call.partner_id, self.customer)
        self.assertEqual(self._inbound(sid="CAearly").status_code, 200)
        self.assertEqual(self.Call.search_count([("sid", "=", "CAearly")]), 1)
        self.assertEqual(
            len(self.customer.message_ids.filtered(lambda m: "Missed" in m.body)), 1
        )

    def test_replayed_requests_change_nothing(self):
        """Each callback of a call, posted again with its signature (a replay, or
        Twilio retrying): the same answer, nothing created or posted again."""
        leg = {"parent": "CArep", "to": f"client:{self.op_a.voip_identity}"}
        recording = {
            "AccountSid": SID_A,
            "CallSid": "CArep",
            "RecordingSid": "RErep",
            "RecordingStatus": "completed",
            "RecordingDuration": "30",
        }
        dial = {
            "AccountSid": SID_A,
            "CallSid": "CArep",
            "DialCallStatus": "completed",
            "DialCallDuration": "31",
        }
        steps = [
            lambda: self._inbound(sid="CArep"),
            lambda: self._status("CAlegrep", "ringing", **leg),
            lambda: self._status("CAlegrep", "in-progress", **leg),
            lambda: self._status("CAlegrep", "completed", duration=31, **leg),
            lambda: self._post(RECORDING, recording),
            lambda: self._post(DIAL, dial),
            lambda: self._status("CArep", "completed", duration=33),
        ]
        for step in steps:
            first = step()
            counts = self._counts()
            again = step()
            self.assertEqual(again.status_code, first.status_code)
            self.assertEqual(self._counts(), counts)
        call = self.Call.search([("sid", "=", "CArep")])
        self.assertEqual(call.state, "answered")
        self.assertEqual((call.duration, call.recording_duration), (31, 30))
        self.assertEqual(len(call.leg_ids), 1)
        # the whole call again, in another order: still nothing new
        counts = self._counts()
        for step in reversed(steps):
            self.assertLess(step().status_code, 300)
        self.assertEqual(self._counts(), counts)

    def test_concurrent_duplicates(self):
        """The same webhooks posted twice at once (two threads, a real HTTP server):
        both answered, one call, one leg, one chatter summary."""
        url = self.base_url()
        voice = {
            "AccountSid": SID_A,
            "CallSid": "CAtwice",
            "From": "+33123456789",
            "To": "+33184880010",
            "CallStatus": "ringing",
            "Direction": "inbound",
        }
        leg = {
            "AccountSid": SID_A,
            "CallSid": "CAlegtwice",
            "ParentCallSid": "CAtwice",
            "To": f"client:{self.op_a.voip_identity}",
            "CallStatus": "in-progress",
        }
        status = {
            "AccountSid": SID_A,
            "CallSid": "CAtwice",
            "CallStatus": "completed",
            "CallDuration": "12",
        }

        def post(route, params, headers):
            # A session per thread: the test's opener flushes the test cursor
            # before each request, which two threads must not do at once.
            with requests.Session() as session:
                session.cookies.update(self.opener.cookies)
                return session.post(
                    url + route, data=params, headers=headers, timeout=30
                )

        for route, params, expected in (
            (VOICE, voice, 200),
            (STATUS, leg, 204),
            (STATUS, status, 204),
        ):
            headers = self._signed(route, params)
            self.env.flush_all()
            self.env.invalidate_all()
            with ThreadPoolExecutor(2) as pool:
                futures = [pool.submit(post, route, params, headers) for _i in range(2)]
                codes = [f.result().status_code for f in futures]
            self.env.invalidate_all()
            self.assertEqual(codes, [expected, expected])
        call = self.Call.search([("sid", "=", "CAtwice")])
        self.assertEqual(len(call), 1)
        self.assertEqual(len(call.leg_ids), 1)
        self.assertEqual(call.state, "answered")
        self.assertEqual(
            len(self.customer.message_ids.filtered(lambda m: "Answered" in m.body)), 1
        )

    @mute_logger("odoo.http", "werkzeug")
    def test_user_routes_bad_input(self):
        """The recording proxy and the token route: no session, wrong method, wrong
        type, unknown or foreign record: refused, never a traceback or audio."""
        call = self._make_call(self.number_a, sid="CAuser", recording_sid="RE1")
        # no session: the login page, not the recording; no token
        response = self.url_open(
            f"/crm_voip/recording/{call.id}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/crm_voip/token", {})
        self.authenticate("voip_op_a", "voip_op_a")
        for path, status in (
            ("/crm_voip/recording/abc", 404),
            ("/crm_voip/recording/-1", 404),
            (f"/crm_voip/recording/{call.id}0000", 404),
        ):
            response = self.url_open(path)
            self.assertEqual(response.status_code, status, path)
            self.assertNotIn("Traceback", response.text)
        # a write method on the proxy: refused
        response = self.opener.post(
            f"{self.base_url()}/crm_voip/recording/{call.id}",
            data={"x": "1"},
            timeout=12,
        )
        self.assertEqual(response.status_code, 405)
        # another operator's call: 403 without audio
        self.authenticate("voip_op_a2", "voip_op_a2")
        response = self.url_open(f"/crm_voip/recording/{call.id}")
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("Traceback", response.text)
        # the token route takes JSON only: a form is a 400, no token
        response = self.opener.post(
            f"{self.base_url()}/crm_voip/token", data={"x": "1"}, timeout=12
        )
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("Traceback", response.text)
        self.assertNotIn("eyJ", response.text)  # no JWT
