# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A stand-in for Twilio's REST API on 127.0.0.1 (random port), for tests only.

Stateful for the resources the module uses, Basic auth checked, Twilio-shaped JSON and
errors (``{"code", "message", "status"}``). ``fail_next`` makes the next requests
answer 500; ``prices`` holds the price of each call SID (None: not published yet).
"""

import base64
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MP3 = b"ID3\x03\x00\x00\x00\x00\x00\x00fake-mp3-audio"


class FakeTwilioState:
    def __init__(self, account_sid, auth_token):
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.available = [
            {
                "phone_number": "+33184881001",
                "friendly_name": "+33 1 84 88 10 01",
                "locality": "Paris",
                "region": "IDF",
                "iso_country": "FR",
            },
            {
                "phone_number": "+33184881002",
                "friendly_name": "+33 1 84 88 10 02",
                "locality": "Paris",
                "region": "IDF",
                "iso_country": "FR",
            },
        ]
        self.numbers = {}  # PN sid -> dict
        self.keys = {}
        self.apps = {}
        self.calls = {}  # CA sid -> {"price", "price_unit", "parent_call_sid"}
        self.recordings = {}
        self.requests = []  # (method, path, params)
        self.fail_next = 0
        self.counter = 0

    def new_sid(self, prefix):
        self.counter += 1
        return f"{prefix}{self.counter:032d}"


class _Handler(BaseHTTPRequestHandler):
    server_version = "FakeTwilio/1.0"

    def log_message(self, *args):  # keep the test log quiet
        return

    @property
    def state(self):
        return self.server.state

    def _send(self, status, payload=None, body=None, ctype="application/json"):
        data = body if body is not None else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status, code, message):
        self._send(
            status,
            {"code": code, "message": message, "status": status, "more_info": ""},
        )

    def _authorized(self):
        header = self.headers.get("Authorization", "")
        expected = base64.b64encode(
            f"{self.state.account_sid}:{self.state.auth_token}".encode()
        ).decode()
        return header == f"Basic {expected}"

    def _params(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        query = urlsplit(self.path).query
        params = {k: v[0] for k, v in parse_qs(body).items()}
        params.update({k: v[0] for k, v in parse_qs(query).items()})
        return params

    def do_GET(self):
        self._dispatch("GET")

    def do_POST(self):
        self._dispatch("POST")

    def do_DELETE(self):
        self._dispatch("DELETE")

    def _dispatch(self, method):
        params = self._params()
        path = urlsplit(self.path).path
        self.state.requests.append((method, path, params))
        if self.state.fail_next:
            self.state.fail_next -= 1
            return self._error(500, 20500, "Internal Server Error")
        if not self._authorized():
            return self._error(401, 20003, "Authenticate")
        prefix = f"/2010-04-01/Accounts/{self.state.account_sid}"
        if not path.startswith(prefix):
            return self._error(404, 20404, "The requested resource was not found")
        route = path[len(prefix) :]
        for pattern, handler in self.ROUTES:
            match = re.fullmatch(pattern, route)
            if match and handler[0] == method:
                return getattr(self, handler[1])(params, *match.groups())
        return self._error(404, 20404, "The requested resource was not found")

    ROUTES = [
        (r"\.json", ("GET", "account")),
        (r"/Keys\.json", ("POST", "key_create")),
        (r"/Keys/(SK\w+)\.json", ("DELETE", "key_delete")),
        (r"/Applications\.json", ("POST", "app_create")),
        (r"/Applications/(AP\w+)\.json", ("POST", "app_update")),
        (r"/AvailablePhoneNumbers/(\w\w)/(\w+)\.json", ("GET", "available")),
        (r"/IncomingPhoneNumbers\.json", ("GET", "numbers_list")),
        (r"/IncomingPhoneNumbers\.json", ("POST", "number_buy")),
        (r"/IncomingPhoneNumbers/(PN\w+)\.json", ("POST", "number_update")),
        (r"/IncomingPhoneNumbers/(PN\w+)\.json", ("DELETE", "number_release")),
        (r"/Calls/(CA\w+)\.json", ("GET", "call_fetch")),
        (r"/Calls\.json", ("GET", "calls_list")),
        (r"/Recordings/(RE\w+)\.mp3", ("GET", "recording_media")),
        (r"/Recordings\.json", ("GET", "recordings_list")),
    ]

    def _page(self, key, items):
        return self._send(
            200,
            {
                key: items,
                "next_page_uri": None,
                "page": 0,
                "page_size": 50,
                "uri": self.path,
            },
        )

    def account(self, params):
        return self._send(
            200,
            {
                "sid": self.state.account_sid,
                "friendly_name": "Fake account",
                "status": "active",
            },
        )

    def key_create(self, params):
        sid = self.state.new_sid("SK")
        self.state.keys[sid] = {"sid": sid, "secret": f"secret-{sid}"}
        return self._send(201, dict(self.state.keys[sid], friendly_name="key"))

    def key_delete(self, params, sid):
        self.state.keys.pop(sid, None)
        return self._send(204, body=b"")

    def app_create(self, params):
        sid = self.state.new_sid("AP")
        self.state.apps[sid] = dict(params, sid=sid)
        return self._send(201, {"sid": sid, "voice_url": params.get("VoiceUrl")})

    def app_update(self, params, sid):
        if sid not in self.state.apps:
            return self._error(404, 20404, "Not found")
        self.state.apps[sid].update(params)
        return self._send(200, {"sid": sid, "voice_url": params.get("VoiceUrl")})

    def available(self, params, country, kind):
        items = [
            dict(rec, capabilities={"voice": True})
            for rec in self.state.available
            if (not params.get("Contains") or params["Contains"] in rec["phone_number"])
        ]
        return self._page("available_phone_numbers", items)

    def _number_json(self, rec):
        return {
            "sid": rec["sid"],
            "phone_number": rec["phone_number"],
            "friendly_name": rec["friendly_name"],
            "voice_url": rec.get("voice_url"),
            "status_callback": rec.get("status_callback"),
        }

    def numbers_list(self, params):
        return self._page(
            "incoming_phone_numbers",
            [self._number_json(rec) for rec in self.state.numbers.values()],
        )

    def number_buy(self, params):
        phone = params.get("PhoneNumber")
        if phone not in [rec["phone_number"] for rec in self.state.available]:
            return self._error(400, 21422, "PhoneNumber is not available")
        sid = self.state.new_sid("PN")
        self.state.available = [
            rec for rec in self.state.available if rec["phone_number"] != phone
        ]
        self.state.numbers[sid] = {
            "sid": sid,
            "phone_number": phone,
            "friendly_name": phone,
            "voice_url": params.get("VoiceUrl"),
            "status_callback": params.get("StatusCallback"),
        }
        return self._send(201, self._number_json(self.state.numbers[sid]))

    def number_update(self, params, sid):
        rec = self.state.numbers.get(sid)
        if not rec:
            return self._error(404, 20404, "Not found")
        rec.update(
            voice_url=params.get("VoiceUrl"),
            status_callback=params.get("StatusCallback"),
        )
        return self._send(200, self._number_json(rec))

    def number_release(self, params, sid):
        if self.state.numbers.pop(sid, None) is None:
            return self._error(404, 20404, "Not found")
        return self._send(204, body=b"")

    def _call_json(self, sid):
        rec = self.state.calls[sid]
        return {
            "sid": sid,
            "parent_call_sid": rec.get("parent_call_sid"),
            "status": "completed",
            "price": rec.get("price"),
            "price_unit": rec.get("price_unit", "USD"),
        }

    def call_fetch(self, params, sid):
        if sid not in self.state.calls:
            return self._error(404, 20404, "Not found")
        return self._send(200, self._call_json(sid))

    def calls_list(self, params):
        parent = params.get("ParentCallSid")
        return self._page(
            "calls",
            [
                self._call_json(sid)
                for sid, rec in self.state.calls.items()
                if rec.get("parent_call_sid") == parent
            ],
        )

    def recordings_list(self, params):
        """Recordings given as dicts ({"call_sid", "status", "duration"}), filtered
        on CallSid; the date filter is recorded in ``requests``, not applied."""
        call_sid = params.get("CallSid")
        return self._page(
            "recordings",
            [
                {
                    "sid": sid,
                    "call_sid": rec["call_sid"],
                    "status": rec.get("status", "completed"),
                    "duration": rec.get("duration", "0"),
                    "uri": f"/2010-04-01/Accounts/{self.state.account_sid}"
                    f"/Recordings/{sid}.json",
                }
                for sid, rec in self.state.recordings.items()
                if isinstance(rec, dict) and call_sid in (None, rec["call_sid"])
            ],
        )

    def recording_media(self, params, sid):
        if sid not in self.state.recordings:
            return self._error(404, 20404, "Not found")
        return self._send(200, body=MP3, ctype="audio/mpeg")


class FakeTwilio:
    """Context manager: ``with FakeTwilio(sid, token) as fake: fake.url``."""

    def __init__(self, account_sid, auth_token, handler=None):
        self.state = FakeTwilioState(account_sid, auth_token)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler or _Handler)
        self.server.state = self.state
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class CallPlayer:
    """Plays a call as Twilio does: signed webhooks POSTed to Odoo, following the URLs
    of the TwiML Odoo answers (Dial action, statusCallback, recordingStatusCallback).

    ``post(url, data, headers)`` sends one request (a test's ``url_open``).
    Scenarios: ``answered``, ``no-answer``, ``busy``; ``recorded`` adds a recording when
    the TwiML asks for one.
    """

    def __init__(self, fake, post):
        self.fake = fake
        self.post = post

    def _signed(self, url, params):
        # imported here so that the server above has no dependency on the library
        from twilio.request_validator import RequestValidator

        signature = RequestValidator(self.fake.state.auth_token).compute_signature(
            url, params
        )
        response = self.post(url, params, {"X-Twilio-Signature": signature})
        assert response.status_code in (200, 204), response.status_code
        return response

    def play_inbound(self, number_sid, caller, scenario="answered", recorded=False):
        """Returns the parsed TwiML of the voice URL."""
        from lxml import etree

        state = self.fake.state
        number = state.numbers[number_sid]
        call_sid = state.new_sid("CA")
        base = {"AccountSid": state.account_sid, "ApiVersion": "2010-04-01"}
        params = dict(
            base,
            CallSid=call_sid,
            From=caller,
            To=number["phone_number"],
            CallStatus="ringing",
            Direction="inbound",
        )
        twiml = etree.fromstring(self._signed(number["voice_url"], params).content)
        state.calls[call_sid] = {"price": "-0.0085"}
        dial = twiml.find("Dial")
        parent_status = dict(params, CallStatus="completed", CallDuration="0")
        if dial is None:
            self._signed(number["status_callback"], parent_status)
            return twiml
        clients = dial.findall("Client")
        identities = [c.findtext("Identity") or c.text for c in clients]
        answered = scenario == "answered" and clients
        leg_sids = []
        for client, identity in zip(clients, identities, strict=True):
            leg_sid = state.new_sid("CA")
            leg_sids.append(leg_sid)
            state.calls[leg_sid] = {"price": "-0.0040", "parent_call_sid": call_sid}
            leg = dict(
                base,
                CallSid=leg_sid,
                ParentCallSid=call_sid,
                From=caller,
                To=f"client:{identity}",
                Direction="outbound-dial",
                CallStatus="ringing",
            )
            self._signed(client.get("statusCallback"), leg)
        if answered:
            first = dict(
                base,
                CallSid=leg_sids[0],
                ParentCallSid=call_sid,
                From=caller,
                To=f"client:{identities[0]}",
                Direction="outbound-dial",
            )
            url = clients[0].get("statusCallback")
            self._signed(url, dict(first, CallStatus="in-progress"))
            if recorded and dial.get("record", "do-not-record") != "do-not-record":
                rec_sid = state.new_sid("RE")
                state.recordings[rec_sid] = True
                self._signed(
                    dial.get("recordingStatusCallback"),
                    dict(
                        base,
                        CallSid=call_sid,
                        RecordingSid=rec_sid,
                        RecordingUrl=f"{self.fake.url}/Recordings/{rec_sid}",
                        RecordingStatus="completed",
                        RecordingDuration="58",
                        RecordingChannels="2",
                        RecordingSource="DialVerb",
                    ),
                )
            self._signed(url, dict(first, CallStatus="completed", CallDuration="60"))
            dial_status = "completed"
        else:
            dial_status = scenario
            for leg_sid, client, identity in zip(
                leg_sids, clients, identities, strict=True
            ):
                self._signed(
                    client.get("statusCallback"),
                    dict(
                        base,
                        CallSid=leg_sid,
                        ParentCallSid=call_sid,
                        To=f"client:{identity}",
                        CallStatus="no-answer" if scenario != "busy" else "busy",
                    ),
                )
        self._signed(
            dial.get("action"),
            dict(params, CallStatus="in-progress", DialCallStatus=dial_status),
        )
        parent_status["CallDuration"] = "65" if answered else "30"
        self._signed(number["status_callback"], parent_status)
        return twiml
