# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Connect, numbers, costs and recordings against the local stand-in Twilio."""

from datetime import timedelta
from unittest.mock import patch

import jwt

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import config, mute_logger

from ..models.crm_voip_account import STAND_IN_OPTION
from .common import SID_A, FakeTwilioMixin, VoipCommonMixin
from .fake_twilio import MP3


@tagged("post_install", "-at_install")
class TestTwilioApi(VoipCommonMixin, FakeTwilioMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()

    def setUp(self):
        super().setUp()
        self.fake = self._start_fake(self.account_a)

    # Connect -------------------------------------------------------------------------
    def test_connect_creates_key_and_app(self):
        self.account_a.action_connect()
        account = self.account_a
        self.assertEqual(account.state, "connected")
        self.assertEqual(account.twilio_name, "Fake account")
        self.assertIn(account.api_key_sid, self.fake.state.keys)
        self.assertEqual(
            account.api_key_secret, self.fake.state.keys[account.api_key_sid]["secret"]
        )
        app = self.fake.state.apps[account.twiml_app_sid]
        self.assertEqual(
            app["VoiceUrl"], "https://crm.example.com/crm_voip/twilio/client"
        )
        self.assertEqual(
            app["StatusCallback"], "https://crm.example.com/crm_voip/twilio/status"
        )
        # connecting again reuses the key and updates the app
        account.action_connect()
        self.assertEqual(len(self.fake.state.keys), 1)
        self.assertEqual(len(self.fake.state.apps), 1)

    def test_connect_bad_credentials(self):
        self.account_a.auth_token = "wrong"
        with self.assertRaisesRegex(UserError, "refused the Account SID"):
            self.account_a.action_connect()
        self.assertEqual(self.account_a.state, "draft")
        self.assertFalse(self.account_a.api_key_sid)

    def test_connect_half_way_failure_keeps_nothing(self):
        """The app creation fails: the new key is deleted, nothing is saved."""
        real = self.fake.server.RequestHandlerClass.app_create

        def failing(handler, params):
            return handler._error(500, 20500, "Internal Server Error")

        self.fake.server.RequestHandlerClass.app_create = failing
        self.addCleanup(
            setattr, self.fake.server.RequestHandlerClass, "app_create", real
        )
        with self.assertRaisesRegex(UserError, "Twilio answered with an error"):
            self.account_a.action_connect()
        self.assertFalse(self.fake.state.keys, "the key created was deleted")
        self.assertFalse(self.account_a.api_key_sid)

    def test_twilio_unreachable(self):
        self._use_stand_in("http://127.0.0.1:9")
        with self.assertRaisesRegex(UserError, "cannot be reached"):
            self.account_a.action_connect()

    def test_credentials_only_go_to_twilio(self):
        """An administrator cannot point the account at another host; a URL stored
        before (by SQL) is refused when calling, nothing sent."""
        admin = new_test_user(
            self.env, login="voip_sysadmin", groups="base.group_system"
        )
        account = self.account_a.with_user(admin)
        for url in (
            "https://evil.example.com",
            "http://api.twilio.com",
            "https://api.twilio.com.evil.example.com",
            "https://user@evil.example.com",
            "https://api.twilio.com@evil.example.com",
            "https://api.twilio.com:8443",
            "https://api.twilio.com/path",
            "12345",
        ):
            with (
                self.subTest(url=url),
                self.assertRaisesRegex(ValidationError, "Twilio's own addresses"),
            ):
                account.write({"api_base_url": url})
        account.write({"api_base_url": "https://api.dublin.ie1.twilio.com"})
        account.write({"api_base_url": False})
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_voip_account SET api_base_url = %s WHERE id = %s",
            [self.fake.url, account.id],
        )
        self.account_a.invalidate_recordset()
        with patch.dict(config.options, {STAND_IN_OPTION: False}):
            with self.assertRaisesRegex(UserError, "set it back to"):
                account.action_connect()
        self.assertFalse(self.fake.state.keys)
        # the server's stand-in (tests) still reaches the fake
        account.action_connect()
        self.assertEqual(account.state, "connected")

    # Numbers -------------------------------------------------------------------------
    def test_search_and_buy(self):
        wizard = self.env["crm.voip.number.search"].create(
            {"account_id": self.account_a.id, "country_id": self.env.ref("base.fr").id}
        )
        wizard.action_search()
        self.assertEqual(len(wizard.line_ids), 2)
        action = wizard.line_ids[0].action_buy()
        number = self.env["crm.voip.number"].browse(action["res_id"])
        self.assertEqual(number.phone_number, "+33184881001")
        owned = self.fake.state.numbers[number.twilio_sid]
        self.assertEqual(
            owned["voice_url"], "https://crm.example.com/crm_voip/twilio/voice"
        )
        self.assertEqual(
            owned["status_callback"], "https://crm.example.com/crm_voip/twilio/status"
        )
        # release: gone at Twilio and here
        number.action_release()
        self.assertFalse(number.exists())
        self.assertFalse(self.fake.state.numbers)

    def test_buy_refused_saves_nothing(self):
        wizard = self.env["crm.voip.number.search"].create(
            {"account_id": self.account_a.id, "country_id": self.env.ref("base.fr").id}
        )
        wizard.action_search()
        self.fake.state.available = []  # taken meanwhile
        count = self.env["crm.voip.number"].search_count([])
        with self.assertRaisesRegex(UserError, "PhoneNumber is not available"):
            wizard.line_ids[0].action_buy()
        self.assertEqual(self.env["crm.voip.number"].search_count([]), count)

    def test_link_owned_number(self):
        self.fake.state.numbers["PN1"] = {
            "sid": "PN1",
            "phone_number": "+33184889999",
            "friendly_name": "Old line",
            "voice_url": "https://elsewhere.example.com/voice",
        }
        self.fake.state.numbers["PN2"] = {
            "sid": "PN2",
            "phone_number": "+33184880010",  # already linked (number_a)
            "friendly_name": "A",
        }
        action = self.account_a.action_open_number_link()
        wizard = self.env["crm.voip.number.link"].browse(action["res_id"])
        self.assertEqual(wizard.line_ids.mapped("phone_number"), ["+33184889999"])
        wizard.line_ids.selected = True
        wizard.action_link()
        number = self.env["crm.voip.number"].search(
            [("phone_number", "=", "+33184889999")]
        )
        self.assertEqual(number.twilio_sid, "PN1")
        self.assertEqual(number.friendly_name, "Old line")
        self.assertEqual(
            self.fake.state.numbers["PN1"]["voice_url"],
            "https://crm.example.com/crm_voip/twilio/voice",
        )

    # Costs ---------------------------------------------------------------------------
    def test_cost_cron_sums_legs_and_retries(self):
        ended = fields.Datetime.now() - timedelta(minutes=5)
        call = self._make_call(
            self.number_a,
            sid="CAcost",
            twilio_status="completed",
            date_end=ended,
            cost_state="pending",
        )
        self.env["crm.voip.call.leg"].sudo().create(
            {"call_id": call.id, "sid": "CAchild1", "twilio_status": "completed"}
        )
        late = self._make_call(
            self.number_a,
            sid="CAlate",
            twilio_status="completed",
            date_end=ended,
            cost_state="pending",
        )
        calls = self.fake.state.calls
        calls["CAcost"] = {"price": "-0.0100", "price_unit": "EUR"}
        calls["CAchild1"] = {"price": "-0.0250", "parent_call_sid": "CAcost"}
        calls["CAchild2"] = {"price": "-0.0050", "parent_call_sid": "CAcost"}
        calls["CAlate"] = {"price": None}
        self.fake.state.fail_next = 1  # first request fails: retried next run
        Call = self.env["crm.voip.call"]
        Call._cron_fetch_costs()
        Call._cron_fetch_costs()
        self.assertEqual(call.cost_state, "done")
        self.assertAlmostEqual(call.price, 0.04)
        self.assertEqual(call.currency_id, self.env.ref("base.EUR"))
        self.assertAlmostEqual(call.leg_ids.price, 0.025)
        self.assertEqual(late.cost_state, "pending", "price not published yet")
        calls["CAlate"]["price"] = "-0.0200"
        Call._cron_fetch_costs()
        self.assertEqual(late.cost_state, "done")
        self.assertAlmostEqual(late.price, 0.02)
        # an old call Twilio never prices is given up
        old = self._make_call(
            self.number_a,
            sid="CAold",
            twilio_status="completed",
            date_end=fields.Datetime.now() - timedelta(days=5),
            cost_state="pending",
        )
        Call._cron_fetch_costs()
        self.assertEqual(old.cost_state, "unavailable")

    def test_costs_in_company_currency(self):
        """Prices in two foreign currencies are summed in the company's currency,
        each converted with Odoo's rate of its call's day."""
        company = self.company_a
        Currency = self.env["res.currency"].with_context(active_test=False)
        foreign = Currency.search(
            [
                ("name", "in", ("EUR", "GBP", "USD", "CHF")),
                ("id", "!=", company.currency_id.id),
            ],
            limit=2,
            order="name",
        )
        foreign.active = True
        one, two = foreign
        day1 = fields.Datetime.to_datetime("2026-03-02 10:00:00")
        day2 = fields.Datetime.to_datetime("2026-03-09 10:00:00")
        # rate: units of the currency for one unit of the company's currency
        self.env["res.currency.rate"].create(
            [
                {"currency_id": one.id, "name": day1.date(), "rate": 2.0},
                {"currency_id": one.id, "name": day2.date(), "rate": 4.0},
                {"currency_id": two.id, "name": day1.date(), "rate": 0.5},
            ]
        )
        ended = fields.Datetime.now() - timedelta(minutes=5)
        calls = self.env["crm.voip.call"]
        prices = self.fake.state.calls
        for sid, day, price, currency in (
            ("CAcur1", day1, "-0.0200", one),
            ("CAcur2", day2, "-0.0200", one),
            ("CAcur3", day2, "-0.0200", two),
        ):
            calls |= self._make_call(
                self.number_a,
                sid=sid,
                twilio_status="completed",
                date_start=day,
                date_end=ended,
                cost_state="pending",
            )
            prices[sid] = {"price": price, "price_unit": currency.name}
        self.env["crm.voip.call"]._cron_fetch_costs()
        self.assertEqual(calls.currency_id, one | two)
        self.assertEqual(calls.mapped("price"), [0.02, 0.02, 0.02])
        # day 1 at 2.0, day 2 at 4.0 (the call's day, not today's), the other at 0.5
        for call, expected in zip(calls, (0.01, 0.005, 0.04), strict=True):
            self.assertAlmostEqual(call.price_company, expected, places=5)
        self.assertEqual(calls.company_currency_id, company.currency_id)
        # the reports (pivot, list total) sum the converted amounts, as a manager
        Call = self.env["crm.voip.call"].with_user(self.manager)
        [group] = Call.read_group([("id", "in", calls.ids)], ["price_company:sum"], [])
        self.assertAlmostEqual(group["price_company"], 0.055, places=5)
        pivot = Call.get_view(view_type="pivot")["arch"]
        self.assertIn('name="price_company" type="measure"', pivot)
        self.assertNotIn('name="price" type="measure"', pivot)
        listing = Call.get_view(view_type="list")["arch"]
        self.assertRegex(listing, r'name="price_company"[^>]*sum=')

    # Recording and token (user routes) -----------------------------------------------
    @mute_logger("odoo.http")
    def test_recording_proxied(self):
        self.fake.state.recordings["RE1"] = True
        call = self._make_call(self.number_a, sid="CArec", recording_sid="RE1")
        other = self._make_call(self.number_a2, sid="CArec2", recording_sid="RE1")
        self.authenticate("voip_op_a", "voip_op_a")
        response = self.url_open(f"/crm_voip/recording/{call.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, MP3)
        self.assertEqual(response.headers["Content-Type"], "audio/mpeg")
        self.assertNotIn(SID_A, response.text)
        # another number's call: refused
        response = self.url_open(f"/crm_voip/recording/{other.id}")
        self.assertEqual(response.status_code, 403)
        # Twilio down: a clear 502
        self.fake.state.fail_next = 1
        response = self.url_open(f"/crm_voip/recording/{call.id}")
        self.assertEqual(response.status_code, 502)

    @mute_logger("odoo.addons.crm_voip.models.crm_voip_call")
    def test_late_recordings_fetched_once(self):
        """A recording whose callback never came is asked from Twilio by the cron:
        once, for recent answered calls only, and then played through Odoo."""
        now = fields.Datetime.now()
        answered = {
            "twilio_status": "completed",
            "dial_status": "completed",
            "date_answer": now - timedelta(minutes=4),
            "date_end": now - timedelta(minutes=2),
        }
        late = self._make_call(self.number_a, sid="CAlaterec", **answered)
        by_leg = self._make_call(self.number_a, sid="CAlegrec", **answered)
        self.env["crm.voip.call.leg"].sudo().create(
            {"call_id": by_leg.id, "sid": "CAlegchild", "twilio_status": "completed"}
        )
        unrecorded = self._make_call(self.number_a, sid="CAnorec", **answered)
        old = self._make_call(
            self.number_a,
            sid="CAoldrec",
            date_start=now - timedelta(days=5),
            **answered,
        )
        missed = self._make_call(
            self.number_a,
            sid="CAmissrec",
            twilio_status="completed",
            dial_status="no-answer",
        )
        recordings = self.fake.state.recordings
        recordings["RElate"] = {"call_sid": "CAlaterec", "duration": "42"}
        recordings["REleg"] = {"call_sid": "CAlegchild", "duration": "7"}
        recordings["REold"] = {"call_sid": "CAoldrec", "duration": "9"}
        recordings["REmiss"] = {"call_sid": "CAmissrec", "duration": "3"}
        recordings["REabsent"] = {"call_sid": "CAnorec", "status": "absent"}
        Call = self.env["crm.voip.call"]
        self.fake.state.fail_next = 1  # Twilio down: nothing, retried next run
        self.assertEqual(Call._cron_fetch_recordings(), 0)
        self.assertFalse(late.recording_sid)
        self.assertEqual(Call._cron_fetch_recordings(), 2)
        self.assertEqual(late.recording_sid, "RElate")
        self.assertEqual(late.recording_status, "completed")
        self.assertEqual(late.recording_duration, 42)
        self.assertTrue(late.sudo().recording_url.endswith("/Recordings/RElate"))
        self.assertEqual(by_leg.recording_sid, "REleg")
        for call in unrecorded | old | missed:
            self.assertFalse(call.recording_sid, call.sid)
        # one listing per account, recordings created in the last two days
        listing = [r for r in self.fake.state.requests if r[1].endswith("s.json")]
        self.assertTrue(listing[-1][2].get("DateCreated>"))
        # a second run, or the callback arriving late, changes nothing
        recordings["RElate2"] = {"call_sid": "CAlaterec", "duration": "1"}
        self.assertEqual(Call._cron_fetch_recordings(), 0)
        self.assertFalse(late._crm_voip_apply_recording({"RecordingSid": "RElate"}))
        self.assertEqual(late.recording_sid, "RElate")
        self.authenticate("voip_op_a", "voip_op_a")
        response = self.url_open(late.recording_play_url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, MP3)

    def test_access_token(self):
        self.account_a.action_connect()
        self.authenticate("voip_op_a", "voip_op_a")
        result = self.make_jsonrpc_request("/crm_voip/token", {})
        self.assertEqual(result["identity"], self.op_a.voip_identity)
        claims = jwt.decode(
            result["token"], self.account_a.api_key_secret, algorithms=["HS256"]
        )
        self.assertEqual(claims["grants"]["identity"], self.op_a.voip_identity)
        self.assertEqual(
            claims["grants"]["voice"]["outgoing"]["application_sid"],
            self.account_a.twiml_app_sid,
        )
        self.assertNotIn(self.account_a.auth_token, result["token"])

    @mute_logger("odoo.http")
    def test_user_routes_refusals(self):
        """No token for a non-operator, no recording for a call without one."""
        self.account_a.action_connect()
        new_test_user(
            self.env, login="voip_sales", groups="sales_team.group_sale_salesman"
        )
        self.authenticate("voip_sales", "voip_sales")
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/crm_voip/token", {})
        call = self._make_call(self.number_a, sid="CAnorec")
        self.authenticate("voip_op_a", "voip_op_a")
        self.assertEqual(
            self.url_open(f"/crm_voip/recording/{call.id}").status_code, 404
        )
        self.assertEqual(
            self.url_open("/crm_voip/recording/999999999").status_code, 404
        )
        # Twilio's routes take POST only
        self.assertEqual(self.url_open("/crm_voip/twilio/voice").status_code, 405)
