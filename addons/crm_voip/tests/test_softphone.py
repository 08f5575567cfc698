# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging
import time
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

import jwt
from lxml import etree

from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.bus.models.bus import channel_with_db, dispatch, hashable
from odoo.addons.bus.tests import common as bus_common
from odoo.addons.web.tests import test_js

from ..models.crm_voip_account import (
    ROUTE_CLIENT,
    ROUTE_DIAL_ACTION,
    ROUTE_STATUS,
    ROUTE_VOICE,
)
from .common import SID_A, TOKEN_A, VoipCommonMixin, WebhookMixin
from .fake_twilio import FakeTwilio
from .screenshots import png_size, tour_screenshots

KEY_SID = "SK" + "1" * 32
KEY_SECRET = "key-secret-for-the-softphone-tests-0123456789"
APP_SID = "AP" + "2" * 32


def _connect(account):
    """Connected as "Connect" would leave it, without reaching Twilio."""
    account.sudo().write(
        {
            "api_key_sid": KEY_SID,
            "api_key_secret": KEY_SECRET,
            "twiml_app_sid": APP_SID,
            "state": "connected",
        }
    )


@tagged("post_install", "-at_install")
class TestSoftphoneRoutes(VoipCommonMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()
        _connect(cls.account_a)

    def test_token_operator(self):
        """An operator gets a short-lived Voice token for their own identity."""
        self.authenticate("voip_op_a", "voip_op_a")
        before = int(time.time())
        result = self.make_jsonrpc_request("/crm_voip/token")
        self.assertEqual(result["ttl"], 3600)
        identity = f"odoo_{self.env.cr.dbname}_{self.op_a.id}".replace("-", "_")
        self.assertEqual(result["identity"], identity)
        claims = jwt.decode(result["token"], KEY_SECRET, algorithms=["HS256"])
        self.assertEqual(claims["iss"], KEY_SID)
        self.assertEqual(claims["sub"], SID_A)
        self.assertLessEqual(claims["exp"] - before, 3600 + 5)
        self.assertGreaterEqual(claims["exp"] - before, 3600 - 5)
        grants = claims["grants"]
        self.assertEqual(grants["identity"], identity)
        self.assertEqual(grants["voice"]["outgoing"]["application_sid"], APP_SID)
        self.assertTrue(grants["voice"]["incoming"]["allow"])

    def test_token_identity_unique(self):
        """Two operators of a number: two identities, each naming the database."""
        self.number_a.operator_ids = [(0, 0, {"user_id": self.op_a2.id})]
        identities = set()
        for login in ("voip_op_a", "voip_op_a2"):
            self.authenticate(login, login)
            identity = self.make_jsonrpc_request("/crm_voip/token")["identity"]
            self.assertIn(self.env.cr.dbname.replace("-", "_"), identity)
            identities.add(identity)
        self.assertEqual(len(identities), 2)
        # and the identity leads back to its user, in this database only
        Users = self.env["res.users"]
        self.assertEqual(
            Users._crm_voip_from_identity(f"client:{identity}"), self.op_a2
        )
        self.assertFalse(Users._crm_voip_from_identity(f"odoo_otherdb_{self.op_a2.id}"))

    def test_token_refused(self):
        """No token for a user who is not a VoIP operator; none without a connection."""
        new_test_user(self.env, login="voip_nobody", groups="base.group_user")
        self.authenticate("voip_nobody", "voip_nobody")
        with self.assertRaisesRegex(JsonRpcException, "Forbidden"):
            self.make_jsonrpc_request("/crm_voip/token")
        self.authenticate("voip_op_b", "voip_op_b")  # company B is not connected
        self.assertEqual(self.make_jsonrpc_request("/crm_voip/token"), {})

    def test_sdk_served_lazily(self):
        """The SDK ships with the module (whatever the install path: git clone, wheel,
        Docker) as a static file the softphone loads on demand, in no bundle."""
        path = "/crm_voip/static/lib/twilio-voice/twilio.min.js"
        response = self.url_open(path)
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Twilio", response.content[:100000])
        for bundle in ("web.assets_backend", "web.assets_unit_tests"):
            files = self.env["ir.qweb"]._get_asset_bundle(bundle).files
            self.assertFalse([f for f in files if "twilio-voice" in f["url"]])

    def test_call_via_voip_action(self):
        """Contacts > Actions > Call via VoIP: offered to operators only, opens the
        softphone on the first selected contact."""
        action = self.env.ref("crm_voip.action_server_partner_call_voip")
        nobody = new_test_user(self.env, login="voip_nobody3", groups="base.group_user")

        def bound(user):
            bindings = (
                self.env["ir.actions.actions"]
                .with_user(user)
                .get_bindings("res.partner")
            )
            return [a["id"] for a in bindings.get("action", [])]

        self.assertIn(action.id, bound(self.op_a))
        self.assertNotIn(action.id, bound(nobody))
        result = (
            action.with_user(self.op_a)
            .with_context(
                active_model="res.partner",
                active_id=self.customer.id,
                active_ids=[self.customer.id],
            )
            .run()
        )
        self.assertEqual(
            result,
            {
                "type": "ir.actions.client",
                "tag": "crm_voip_call_partner",
                "params": {"partner_id": self.customer.id},
            },
        )

    def test_softphone_info(self):
        """The softphone's start: status, numbers and their rights, recent calls."""
        self.number_a.operator_ids.allow_outgoing = False
        mine = self._make_call(self.number_a, self.op_a, sid="CAinfo")
        # missed on my number (nobody took it): mine to see; another's number: not
        missed = self._make_call(self.number_a, sid="CAmissed", state="missed")
        self._make_call(self.number_a2, sid="CAother", state="missed")
        self._make_call(self.number_a2, self.op_a2, sid="CAother2")
        self.authenticate("voip_op_a", "voip_op_a")
        # the web client asks for the softphone only when the session says so
        session = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertIs(session["crm_voip_operator"], True)
        info = self.make_jsonrpc_request("/crm_voip/softphone/info")
        self.assertTrue(info["is_operator"])
        self.assertEqual(info["status"], "offline")
        self.assertEqual(
            [(n["phone_number"], n["can_call_out"]) for n in info["numbers"]],
            [("+33184880010", False)],
        )
        self.assertEqual(
            sorted(c["id"] for c in info["recent"]), sorted((mine | missed).ids)
        )
        self.assertEqual(info["default_country"], "FR")
        # what a live update reloads: the recent calls alone
        self.assertEqual(
            self.make_jsonrpc_request("/crm_voip/softphone/recent"), info["recent"]
        )
        self.assertIn("FR", [c["code"] for c in info["countries"]])
        # the status is the user's own to write
        self.env["res.users"].with_user(self.op_a).browse(
            self.op_a.id
        ).voip_status = "online"
        self.assertEqual(self.op_a.voip_status, "online")
        new_test_user(self.env, login="voip_nobody2", groups="base.group_user")
        self.authenticate("voip_nobody2", "voip_nobody2")
        session = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertIs(session["crm_voip_operator"], False)
        self.assertEqual(
            self.make_jsonrpc_request("/crm_voip/softphone/info"),
            {"is_operator": False},
        )
        self.assertEqual(self.make_jsonrpc_request("/crm_voip/softphone/recent"), [])

    def test_softphone_info_company_switcher(self):
        """The dial pad's country is the company chosen in the company switcher (the
        web client's ``cids`` cookie), not the user's default company."""
        self.company_b.country_id = self.env.ref("base.be")
        self.op_a.company_ids = [(4, self.company_b.id)]
        self.authenticate("voip_op_a", "voip_op_a")
        info = self.make_jsonrpc_request("/crm_voip/softphone/info")
        self.assertEqual(info["default_country"], "FR")
        self.opener.cookies.set("cids", f"{self.company_b.id}-{self.company_a.id}")
        info = self.make_jsonrpc_request("/crm_voip/softphone/info")
        self.assertEqual(info["default_country"], "BE")
        # a company the user is not in: theirs
        self.opener.cookies.set("cids", str(self.env.ref("base.main_company").id + 999))
        info = self.make_jsonrpc_request("/crm_voip/softphone/info")
        self.assertEqual(info["default_country"], "FR")

    def test_softphone_recent_call_date_utc(self):
        """Recent calls carry their date as Odoo serializes datetimes (UTC, no "T"),
        which the browser formats with Odoo's localisation."""
        call = self._make_call(self.number_a, self.op_a, sid="CAdate")
        call.date_start = "2026-11-29 20:40:00"
        self.authenticate("voip_op_a", "voip_op_a")
        recent = self.make_jsonrpc_request("/crm_voip/softphone/recent")
        self.assertEqual(
            [c["date"] for c in recent if c["id"] == call.id], ["2026-11-29 20:40:00"]
        )

    def test_softphone_contacts_by_company_name(self):
        """Searching a company finds the company and its people with a phone, with the
        operator's rights; a name still finds the person."""
        Partner = self.env["res.partner"]
        azure = Partner.create(
            {"name": "Azure Interior Test", "is_company": True, "phone": "0472000000"}
        )
        brandon = Partner.create(
            {"name": "Bernadette Zyx", "parent_id": azure.id, "mobile": "0612345678"}
        )
        Partner.create({"name": "Nicole Ford", "parent_id": azure.id})  # no phone
        self.authenticate("voip_op_a", "voip_op_a")
        found = self.make_jsonrpc_request(
            "/crm_voip/softphone/contacts", {"query": "azure interior test"}
        )
        self.assertEqual([c["id"] for c in found], [azure.id, brandon.id])
        self.assertEqual(
            found[1]["display_name"], "Azure Interior Test, Bernadette Zyx"
        )
        found = self.make_jsonrpc_request(
            "/crm_voip/softphone/contacts", {"query": "bernadette zy"}
        )
        self.assertEqual([c["id"] for c in found], [brandon.id])
        self.assertEqual(
            self.make_jsonrpc_request("/crm_voip/softphone/contacts", {"query": ""}), []
        )


@tagged("post_install", "-at_install")
class TestSoftphoneFrench(TransactionCase):
    def test_web_terms_read_as_ours(self):
        """The web client merges the translations of every installed app into one
        table (`_t` has no context): a softphone term another app translates
        otherwise reads as theirs ("Number", a count in French: "Nombre"). Every
        French term of the softphone agrees with all the others' translations."""
        self.env["res.lang"]._activate_lang("fr_FR")
        modules = self.env["ir.module.module"].search([("state", "=", "installed")])
        per_module, _params = self.env["ir.http"].get_translations_for_webclient(
            modules.mapped("name"), "fr_FR"
        )
        ours = {m["id"]: m["string"] for m in per_module["crm_voip"]["messages"]}
        self.assertEqual(ours["Phone number"], "Numéro de téléphone")
        self.assertEqual(ours["Place call"], "Appeler")
        clashes = sorted(
            (message["id"], ours[message["id"]], module, message["string"])
            for module, translations in per_module.items()
            for message in translations["messages"]
            if message["id"] in ours and message["string"] != ours[message["id"]]
        )
        self.assertEqual(clashes, [])


class _HootLogCollector(logging.Handler):
    """Keeps the browser's INFO lines (hoot's "passed N tests") without printing them:
    only records at the level the run asked for are passed on."""

    def __init__(self, logger):
        super().__init__(logging.DEBUG)
        self.logger = logger
        self.threshold = logger.getEffectiveLevel()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())
        if record.levelno >= self.threshold and self.logger.parent:
            self.logger.parent.handle(record)

    def __enter__(self):
        self.saved = (self.logger.level, self.logger.propagate)
        self.logger.setLevel(logging.INFO)
        self.logger.propagate = False
        self.logger.addHandler(self)
        return self

    def __exit__(self, *exc):
        self.logger.removeHandler(self)
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]


@tagged("post_install", "-at_install")
class TestSoftphoneHoot(HttpCase):
    """Runs the softphone's Hoot unit tests (static/tests/*.test.js) in Chromium.

    Fails when a hoot test fails (error_checker) and when fewer tests than expected
    ran (a filter matching nothing would otherwise "succeed")."""

    EXPECTED_TESTS = 12

    def test_softphone_hoot(self):
        # hoot's filter: the hash of the suite "@crm_voip", as web's HOOTCommon makes it
        suite = test_js.HOOTCommon._generate_hash(self, "@crm_voip")
        with _HootLogCollector(self._logger.getChild("browser")) as collector:
            self.browser_js(
                f"/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
                f"&suite={suite}",
                "",
                "",
                login="admin",
                timeout=300,
                success_signal="[HOOT] test suite succeeded",
                error_checker=test_js.unit_test_error_checker,
            )
        summary = [m for m in collector.messages if m.startswith("[HOOT] passed")]
        self.assertTrue(summary, "hoot printed no summary")
        self.assertTrue(
            summary[-1].startswith(f"[HOOT] passed {self.EXPECTED_TESTS} tests "),
            f"expected {self.EXPECTED_TESTS} hoot tests to pass: {summary[-1]}",
        )


class _TwilioSignalling(BaseHTTPRequestHandler):
    """Twilio's side of a browser call: checks the access token, then POSTs the signed
    webhooks Twilio would send to Odoo (voice URL of the TwiML app, Dial action,
    status callback)."""

    def log_message(self, *args):
        pass

    def _reply(self, payload):
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.end_headers()

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        server = self.server
        if self.path == "/connect":
            claims = jwt.decode(form["token"], KEY_SECRET, algorithms=["HS256"])
            call_sid = f"CA{len(server.calls):032d}"
            server.calls.append(call_sid)
            params = {
                "AccountSid": SID_A,
                "ApiVersion": "2010-04-01",
                "CallSid": call_sid,
                "From": "client:" + claims["grants"]["identity"],
                "To": form["To"],
                "CallerId": form.get("CallerId", ""),
                "CallStatus": "ringing",
                "Direction": "inbound",
            }
            server.post(ROUTE_CLIENT, params)
            self._reply({"CallSid": call_sid})
        elif self.path == "/incoming":
            # a customer calls our number: Twilio asks Odoo's voice URL what to do,
            # then rings the browsers of the <Client> identities of its TwiML
            claims = jwt.decode(form["token"], KEY_SECRET, algorithms=["HS256"])
            call_sid = f"CA{len(server.calls):032d}"
            server.calls.append(call_sid)
            twiml = server.post(
                ROUTE_VOICE,
                {
                    "AccountSid": SID_A,
                    "ApiVersion": "2010-04-01",
                    "CallSid": call_sid,
                    "From": form["From"],
                    "To": form["To"],
                    "CallStatus": "ringing",
                    "Direction": "inbound",
                },
            )
            identity = claims["grants"]["identity"]
            clients = [
                client
                for client in etree.fromstring(twiml.encode()).iter("Client")
                if client.findtext("Identity") == identity
            ]
            if not clients:
                self._reply({"error": f"{identity} not rung"})
                return
            self._reply(
                {
                    "CallSid": call_sid,
                    "customParameters": {
                        p.get("name"): p.get("value")
                        for p in clients[0].findall("Parameter")
                    },
                }
            )
        elif self.path == "/reject":
            # the only browser rung refused: the Dial ends unanswered
            base = {"AccountSid": SID_A, "CallSid": form["CallSid"]}
            server.post(ROUTE_DIAL_ACTION, dict(base, DialCallStatus="no-answer"))
            server.post(
                ROUTE_STATUS, dict(base, CallStatus="completed", CallDuration="12")
            )
            server.dispatch_bus()
            self._reply({})
        elif self.path == "/disconnect":
            base = {"AccountSid": SID_A, "CallSid": form["CallSid"]}
            server.post(
                ROUTE_DIAL_ACTION,
                dict(base, DialCallStatus="completed", DialCallDuration="7"),
            )
            server.post(
                ROUTE_STATUS, dict(base, CallStatus="completed", CallDuration="8")
            )
            self._reply({})
        else:
            self.send_error(404)


@tagged("post_install", "-at_install")
class TestSoftphoneTour(WebhookMixin, bus_common.WebsocketCase):
    """Odoo refuses the bus' websocket while testing, except in its WebsocketCase: a
    subclass, so that the live refresh of the softphone is tested too."""

    def test_call_from_contact_list(self):
        """Contacts > Call via VoIP: the simulated call is logged in CRM > Calls."""
        env = self.env
        company = env.ref("base.main_company")
        company.country_id = env.ref("base.fr")
        Account = env["crm.voip.account"]
        account = Account.search([("company_id", "=", company.id)]) or Account.create(
            {"company_id": company.id}
        )
        account.write(
            {
                "name": "Twilio tour",
                "account_sid": SID_A,
                "auth_token": TOKEN_A,
                "public_base_url": self.base_url(),
            }
        )
        _connect(account)
        # a VoIP operator who is a salesperson (own documents): the least rights
        # that place calls and open CRM > Calls (readme)
        agent = new_test_user(
            env,
            login="tour_voip_operator",
            name="Tour Operator",
            groups="sales_team.group_sale_salesman,crm_voip.group_crm_voip_operator",
        )
        env["crm.voip.number"].create(
            {
                "account_id": account.id,
                "phone_number": "+33184887700",
                "operator_ids": [(0, 0, {"user_id": agent.id})],
            }
        )
        env["res.partner"].create(
            {"name": "Tour Softphone Customer", "mobile": "+33 6 12 34 56 78"}
        )
        fake = FakeTwilio(SID_A, TOKEN_A, handler=_TwilioSignalling).start()
        self.addCleanup(fake.stop)
        server = fake.server
        server.calls = []
        posted = []

        def post(route, params):
            # the test's own session: it carries the cookie the test server requires
            response = self._post(route, params)
            posted.append((route, response.status_code))
            return response.text

        server.post = post
        # Odoo's test cursor drops the commit hook that NOTIFYs the websockets: wake
        # the agent's, as WebsocketCase.trigger_notification_dispatching does (not
        # called from this thread: it runs the test cursor's pre-commit hooks)
        channel = hashable(channel_with_db(self.registry.db_name, agent.partner_id))

        def dispatch_bus():
            for websocket in list(dispatch._channels_to_ws.get(channel, ())):
                websocket.trigger_notification_dispatching()

        server.dispatch_bus = dispatch_bus
        signal = fake.url
        with tour_screenshots(self) as shots:
            self.start_tour(
                "/odoo/action-base.action_partner_form"
                f"?crm_voip_signal={signal}&crm_voip_screenshots=1",
                "crm_voip_softphone_tour",
                login=agent.login,
            )
        call_legs = [(ROUTE_CLIENT, 200), (ROUTE_DIAL_ACTION, 200), (ROUTE_STATUS, 204)]
        self.assertEqual(
            posted,
            call_legs
            + [(ROUTE_VOICE, 200), (ROUTE_DIAL_ACTION, 200), (ROUTE_STATUS, 204)]
            + call_legs,
        )
        calls = env["crm.voip.call"].search([("sid", "in", server.calls)])
        partner = env["res.partner"].search([("name", "=", "Tour Softphone Customer")])
        self.assertRecordValues(
            calls.sorted(lambda c: server.calls.index(c.sid)),
            [
                {
                    "direction": "outbound",
                    "state": "answered",
                    "user_id": agent.id,
                    "external_number": "+33612345678",
                    "from_number": "+33184887700",
                    "duration": 7,
                    "partner_id": partner.id,
                },
                {
                    # rejected in the softphone: nobody took it
                    "direction": "inbound",
                    "state": "missed",
                    "user_id": False,
                    "external_number": "+33612345678",
                    "from_number": "+33612345678",
                    "duration": 0,
                    "partner_id": partner.id,
                },
                {
                    # "Call back" from the missed calls
                    "direction": "outbound",
                    "state": "answered",
                    "user_id": agent.id,
                    "external_number": "+33612345678",
                    "from_number": "+33184887700",
                    "duration": 7,
                    "partner_id": partner.id,
                },
            ],
        )
        # the readme's pictures, taken by the tour
        self.assertEqual(
            sorted(shots),
            [
                "contacts_call_via_voip",
                "crm_calls",
                "softphone_dial",
                "softphone_in_call",
                "softphone_incoming",
                "softphone_missed",
            ],
        )
        for name, data in shots.items():
            width, height = png_size(data) or (0, 0)
            self.assertGreater(width, 100, name)
            self.assertGreater(height, 100, name)
        self.assertEqual(png_size(shots["crm_calls"]), (1366, 768))
        # the agent's softphone was told about the call through the bus
        self.assertTrue(
            env["bus.bus"].search_count([("message", "like", "crm_voip_call_updated")])
        )
        self.assertEqual(agent.voip_status, "online")
