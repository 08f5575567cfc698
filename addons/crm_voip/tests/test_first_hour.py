# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The first hour of a French salesperson, in the browser (issue 19): the screens are
in French, with no English of the module, and are the readme's pictures."""

from odoo.tests import tagged

from odoo.addons.bus.models.bus import channel_with_db, dispatch, hashable
from odoo.addons.bus.tests import common as bus_common

from .common import SID_A, TOKEN_A, WebhookMixin
from .fake_twilio import FakeTwilio
from .test_softphone import _connect, _TwilioSignalling
from .tour_screens import FrenchTourMixin, png_size


@tagged("post_install", "-at_install")
class TestFirstHour(FrenchTourMixin, WebhookMixin, bus_common.WebsocketCase):
    """A websocket case, as the softphone's own tour: the bus refreshes its calls."""

    def test_call_from_softphone(self):
        """A French salesperson who operates a number calls a customer whose
        number was typed the national way, from the contact list."""
        env = self.env
        Account = env["crm.voip.account"]
        account = Account.search(
            [("company_id", "=", self.company.id)]
        ) or Account.create({"company_id": self.company.id})
        account.write(
            {
                "name": "Twilio",
                "account_sid": SID_A,
                "auth_token": TOKEN_A,
                "public_base_url": self.base_url(),
            }
        )
        _connect(account)
        rep = self.french_user(
            "fr_rep",
            "sales_team.group_sale_salesman,crm_voip.group_crm_voip_operator",
            name="Marc Commercial",
        )
        env["crm.voip.number"].create(
            {
                "account_id": account.id,
                "phone_number": "+33184887700",
                "operator_ids": [(0, 0, {"user_id": rep.id})],
            }
        )
        customer = env["res.partner"].create(
            {"name": "Claire Martin", "phone": "04 72 00 00 00"}
        )
        fake = FakeTwilio(SID_A, TOKEN_A, handler=_TwilioSignalling).start()
        self.addCleanup(fake.stop)
        server = fake.server
        server.calls = []

        def post(route, params):
            return self._post(route, params).text

        server.post = post
        channel = hashable(channel_with_db(self.registry.db_name, rep.partner_id))

        def dispatch_bus():
            for websocket in list(dispatch._channels_to_ws.get(channel, ())):
                websocket.trigger_notification_dispatching()

        server.dispatch_bus = dispatch_bus
        screens = self.start_french_tour(
            f"/odoo/action-base.action_partner_form?crm_voip_signal={fake.url}",
            "crm_voip_first_hour_tour",
            login=rep.login,
        )
        call = env["crm.voip.call"].search([("sid", "in", server.calls)])
        self.assertRecordValues(
            call,
            [
                {
                    "direction": "outbound",
                    "state": "answered",
                    "user_id": rep.id,
                    "external_number": "+33472000000",
                    "partner_id": customer.id,
                }
            ],
        )
        self.assertEqual(
            sorted(screens.shots),
            [
                "first_hour_call_via_voip",
                "first_hour_calls",
                "first_hour_softphone_dial",
                "first_hour_softphone_in_call",
                "first_hour_softphone_recent",
            ],
        )
        for name, data in screens.shots.items():
            width, height = png_size(data) or (0, 0)
            self.assertGreater(width, 100, name)
            self.assertGreater(height, 100, name)
