# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from lxml import etree
from twilio.request_validator import RequestValidator

from odoo.tests import new_test_user
from odoo.tools import config

from ..models.crm_voip_account import STAND_IN_OPTION
from .fake_twilio import FakeTwilio

SID_A = "AC" + "a" * 32
TOKEN_A = "token-company-a"
SID_B = "AC" + "b" * 32
TOKEN_B = "token-company-b"


class VoipCommonMixin:
    """Two companies with a Twilio account each, numbers, operators and a manager."""

    @classmethod
    def _setup_voip(cls):
        env = cls.env
        cls.company_a = env.company
        cls.company_a.country_id = env.ref("base.fr")
        cls.company_b = env["res.company"].create(
            {"name": "VoIP Company B", "country_id": env.ref("base.fr").id}
        )
        both = [cls.company_a.id, cls.company_b.id]
        cls.manager = new_test_user(
            env,
            login="voip_manager",
            name="VoIP Manager",
            groups="crm_voip.group_crm_voip_manager",
            company_ids=[(6, 0, both)],
        )
        cls.op_a = new_test_user(
            env, login="voip_op_a", name="Operator A", groups="base.group_user"
        )
        cls.op_a2 = new_test_user(
            env, login="voip_op_a2", name="Operator A2", groups="base.group_user"
        )
        cls.op_b = new_test_user(
            env,
            login="voip_op_b",
            name="Operator B",
            groups="base.group_user",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, [cls.company_b.id])],
        )
        Account = env["crm.voip.account"]
        values_a = {
            "name": "Twilio A",
            "company_id": cls.company_a.id,
            "account_sid": SID_A,
            "auth_token": TOKEN_A,
            "public_base_url": "https://crm.example.com",
        }
        # the demo data may have given company A an account already
        cls.account_a = Account.search([("company_id", "=", cls.company_a.id)])
        if cls.account_a:
            cls.account_a.write(values_a)
        else:
            cls.account_a = Account.create(values_a)
        cls.account_b = Account.create(
            {
                "name": "Twilio B",
                "company_id": cls.company_b.id,
                "account_sid": SID_B,
                "auth_token": TOKEN_B,
                "public_base_url": "https://crm.example.com",
            }
        )
        Number = env["crm.voip.number"]
        cls.number_a = Number.create(
            {
                "account_id": cls.account_a.id,
                "phone_number": "+33 1 84 88 00 10",
                "record_calls": True,
                "operator_ids": [(0, 0, {"user_id": cls.op_a.id})],
            }
        )
        cls.number_a2 = Number.create(
            {
                "account_id": cls.account_a.id,
                "phone_number": "+33184880020",
                "operator_ids": [(0, 0, {"user_id": cls.op_a2.id})],
            }
        )
        cls.number_b = Number.create(
            {
                "account_id": cls.account_b.id,
                "phone_number": "+33184880030",
                "operator_ids": [(0, 0, {"user_id": cls.op_b.id})],
            }
        )
        cls.customer = env["res.partner"].create(
            {"name": "Known Customer", "phone": "01 23 45 67 89"}
        )

    def _make_call(self, number, user=False, sid=None, **vals):
        return (
            self.env["crm.voip.call"]
            .sudo()
            .create(
                dict(
                    {
                        "sid": sid,
                        "company_id": number.company_id.id,
                        "number_id": number.id,
                        "user_id": user and user.id,
                        "direction": "inbound",
                        "external_number": "+33123456789",
                    },
                    **vals,
                )
            )
        )


class WebhookMixin:
    """Posts webhooks to the running Odoo as Twilio does: signed on the public URL."""

    def _point_accounts_here(self):
        base = self.base_url()
        (self.account_a | self.account_b).write({"public_base_url": base})

    def _post(self, route, params, token=TOKEN_A, signed_url=None, signature=None):
        url = self.base_url() + route
        if signature is None:
            signature = RequestValidator(token).compute_signature(
                signed_url or url, params
            )
        return self.url_open(
            url, data=params, headers={"X-Twilio-Signature": signature}
        )

    @staticmethod
    def _twiml(response):
        return etree.fromstring(response.content)


class FakeTwilioMixin:
    def _start_fake(self, account, sid=SID_A, token=TOKEN_A):
        fake = FakeTwilio(sid, token).start()
        self.addCleanup(fake.stop)
        self._use_stand_in(fake.url)
        return fake

    def _use_stand_in(self, url):
        """The stand-in is a server option, never the account's (Twilio-only) URL."""
        patcher = patch.dict(config.options, {STAND_IN_OPTION: url})
        patcher.start()
        self.addCleanup(patcher.stop)
