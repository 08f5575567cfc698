# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Whole calls played by the stand-in Twilio: a number bought through it, then its
webhooks (signed, following the URLs Odoo gives) until the cost is fetched."""

from odoo.tests import HttpCase, tagged

from .common import FakeTwilioMixin, VoipCommonMixin
from .fake_twilio import CallPlayer


@tagged("post_install", "-at_install")
class TestScenarios(VoipCommonMixin, FakeTwilioMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()

    def setUp(self):
        super().setUp()
        self.fake = self._start_fake(self.account_a)
        self.account_a.public_base_url = self.base_url()
        self.account_a.action_connect()
        wizard = self.env["crm.voip.number.search"].create(
            {"account_id": self.account_a.id, "country_id": self.env.ref("base.fr").id}
        )
        wizard.action_search()
        self.number = self.env["crm.voip.number"].browse(
            wizard.line_ids[0].action_buy()["res_id"]
        )
        self.number.write(
            {
                "record_calls": True,
                "operator_ids": [
                    (0, 0, {"user_id": self.op_a.id}),
                    (0, 0, {"user_id": self.op_a2.id}),
                ],
            }
        )
        (self.op_a | self.op_a2).voip_status = "online"
        self.player = CallPlayer(
            self.fake,
            lambda url, data, headers: self.url_open(url, data, headers=headers),
        )

    def _last_call(self):
        return self.env["crm.voip.call"].search(
            [("number_id", "=", self.number.id)], order="id desc", limit=1
        )

    def test_answered_recorded_and_priced(self):
        twiml = self.player.play_inbound(
            self.number.twilio_sid, "+33123456789", recorded=True
        )
        self.assertEqual(len(twiml.find("Dial").findall("Client")), 2)
        call = self._last_call()
        self.assertEqual(call.state, "answered")
        self.assertEqual(call.user_id, self.op_a)
        self.assertEqual(call.partner_id, self.customer)
        self.assertEqual(call.duration, 60)
        self.assertEqual(len(call.leg_ids), 2)
        self.assertTrue(call.recording_sid)
        self.env["crm.voip.call"]._cron_fetch_costs()
        self.assertEqual(call.cost_state, "done")
        self.assertAlmostEqual(call.price, 0.0085 + 2 * 0.004)
        self.authenticate("voip_op_a2", "voip_op_a2")
        response = self.url_open(call.recording_play_url)
        self.assertEqual(response.status_code, 200)

    def test_no_answer_missed(self):
        self.player.play_inbound(self.number.twilio_sid, "+33698765432", "no-answer")
        call = self._last_call()
        self.assertEqual(call.state, "missed")
        self.assertEqual(call.partner_id.phone, "+33698765432")
        self.assertTrue(
            call.partner_id.message_ids.filtered(lambda m: "Missed" in m.body)
        )

    def test_busy_missed(self):
        self.player.play_inbound(self.number.twilio_sid, "+33123456789", "busy")
        self.assertEqual(self._last_call().state, "missed")

    def test_operator_opted_out_of_recording(self):
        """One ringing operator refuses recording: the call is not recorded."""
        self.number.operator_ids.filtered(
            lambda op: op.user_id == self.op_a2
        ).record_calls = False
        twiml = self.player.play_inbound(
            self.number.twilio_sid, "+33123456789", recorded=True
        )
        self.assertEqual(twiml.find("Dial").get("record"), "do-not-record")
        self.assertFalse(self._last_call().recording_sid)
