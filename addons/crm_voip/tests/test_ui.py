# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from twilio.jwt.access_token import AccessToken
from twilio.jwt.access_token.grants import VoiceGrant

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.misc import file_path


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to a settings
        administrator who is a sales administrator and a VoIP manager (the
        block is the VoIP managers'; only settings administrators see the
        Twilio credentials)."""
        new_test_user(
            self.env,
            login="tour_voip_settings",
            groups="base.group_system,sales_team.group_sale_manager,"
            "crm_voip.group_crm_voip_manager",
        )
        self.start_tour("/odoo", "crm_voip_settings_tour", login="tour_voip_settings")

    def test_calls_menu_and_number(self):
        """A VoIP manager (a salesperson, to open the CRM menus) filters the missed
        calls, opens one, and adds a virtual number."""
        manager = new_test_user(
            self.env,
            login="tour_voip_manager",
            groups="sales_team.group_sale_salesman,crm_voip.group_crm_voip_manager",
        )
        company = self.env.ref("base.main_company")
        account = self.env["crm.voip.account"].search(
            [("company_id", "=", company.id)]
        ) or self.env["crm.voip.account"].create({"company_id": company.id})
        number = self.env["crm.voip.number"].create(
            {"account_id": account.id, "phone_number": "+33184887700"}
        )
        partner = self.env["res.partner"].create({"name": "Tour Caller"})
        self.env["crm.voip.call"].create(
            {
                "sid": "CAtour",
                "company_id": company.id,
                "number_id": number.id,
                "partner_id": partner.id,
                "direction": "inbound",
                "twilio_status": "completed",
                "dial_status": "no-answer",
            }
        )
        self.start_tour("/odoo", "crm_voip_calls_tour", login=manager.login)
        self.assertTrue(
            self.env["crm.voip.number"].search([("phone_number", "=", "+33184887766")])
        )


# the softphone's own device service, the real SDK file, no network (see below)
REAL_SDK_JS = """
(async () => {
    const fail = (message) => { throw new Error(message); };
    const {SDK_URL} = odoo.loader.modules.get("@crm_voip/device_service");
    if (window.Twilio) fail("the SDK is loaded before any call");
    const services = odoo.__WOWL_DEBUG__.root.env.services;
    const device = await services["crm_voip.device"].createDevice(__TOKEN__);
    const Device = window.Twilio && window.Twilio.Device;
    if (typeof Device !== "function") fail("no Twilio.Device from " + SDK_URL);
    if (!(device instanceof Device)) fail("not a Twilio.Device");
    if (Device.version !== __VERSION__) fail("SDK " + Device.version);
    if (typeof Device.isSupported !== "boolean") fail("no isSupported");
    if (device.state !== "unregistered") fail("state " + device.state);
    const sources = [...document.querySelectorAll("script")].map((s) => s.src);
    if (!sources.some((src) => src.endsWith(SDK_URL))) fail("not loaded");
    device.destroy();
    console.log("test successful");
})();
"""


@tagged("post_install", "-at_install")
class TestRealVoiceSdk(HttpCase):
    """The Twilio Voice SDK file shipped in the module (static/lib/twilio-voice), not
    the tours' simulated device: the softphone's device service loads it on demand
    and gets a real ``Twilio.Device``. No network: constructing a device opens no
    connection (only ``register()`` would)."""

    def test_real_sdk_loads_and_builds_a_device(self):
        salesman = new_test_user(
            self.env, login="voip_sdk_salesman", groups="sales_team.group_sale_salesman"
        )
        with open(
            file_path("crm_voip/static/lib/twilio-voice/package.json"), encoding="utf-8"
        ) as package:
            version = json.load(package)["dependencies"]["@twilio/voice-sdk"]
        token = AccessToken("AC" + "a" * 32, "SK" + "b" * 32, "s" * 32, identity="x")
        token.add_grant(VoiceGrant(outgoing_application_sid="AP" + "c" * 32))
        code = REAL_SDK_JS.replace("__TOKEN__", json.dumps(token.to_jwt())).replace(
            "__VERSION__", json.dumps(version)
        )
        self.browser_js(
            "/odoo",
            code,
            ready="!!odoo.__WOWL_DEBUG__?.root",
            login=salesman.login,
        )
