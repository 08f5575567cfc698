# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from .common import VoipCommonMixin


@tagged("post_install", "-at_install")
class TestVoipSecurity(VoipCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()
        cls.call_a_own = cls._make_call(cls, cls.number_a2, user=cls.op_a, sid="CA1")
        cls.call_a_number = cls._make_call(cls, cls.number_a, sid="CA2")
        cls.call_a2 = cls._make_call(cls, cls.number_a2, user=cls.op_a2, sid="CA3")
        cls.call_b = cls._make_call(cls, cls.number_b, user=cls.op_b, sid="CA4")

    def test_operator_group_granted(self):
        """Operating a number makes the user a VoIP operator."""
        self.assertTrue(self.op_a.has_group("crm_voip.group_crm_voip_operator"))
        self.assertFalse(self.op_a.has_group("crm_voip.group_crm_voip_manager"))

    def test_effective_rights(self):
        """An operator calls out and is recorded only if the number allows it too."""
        op = self.number_a.operator_ids
        self.assertTrue(op.can_call_out)
        self.assertTrue(op.must_record)
        self.number_a.allow_outgoing = False
        self.assertFalse(op.can_call_out)
        self.number_a.allow_outgoing = True
        op.record_calls = False
        self.assertFalse(op.must_record)
        op2 = self.number_a2.operator_ids
        self.assertFalse(op2.must_record, "number_a2 does not record")

    def test_operator_sees_own_and_operated_calls(self):
        Call = self.env["crm.voip.call"].with_user(self.op_a)
        self.assertEqual(
            Call.search([]), self.call_a_own | self.call_a_number, "not CA3 nor CA4"
        )
        with self.assertRaises(AccessError):
            self.call_a2.with_user(self.op_a).read(["state"])
        with self.assertRaises(AccessError):
            self.call_a_own.with_user(self.op_a).write({"duration": 3})
        Number = self.env["crm.voip.number"].with_user(self.op_a)
        self.assertEqual(Number.search([]), self.number_a)
        with self.assertRaises(AccessError):
            self.number_a.with_user(self.op_a).allow_outgoing = False

    def test_manager_sees_all_in_allowed_companies(self):
        Call = self.env["crm.voip.call"].with_user(self.manager)
        calls = self.call_a_own | self.call_a_number | self.call_a2 | self.call_b
        self.assertEqual(
            Call.with_context(allowed_company_ids=[self.company_a.id]).search(
                [("id", "in", calls.ids)]
            ),
            calls - self.call_b,
        )
        self.assertEqual(
            Call.with_context(
                allowed_company_ids=[self.company_a.id, self.company_b.id]
            ).search([("id", "in", calls.ids)]),
            calls,
        )

    def test_other_company_operator(self):
        """Company B's operator sees only company B."""
        Call = self.env["crm.voip.call"].with_user(self.op_b)
        self.assertEqual(Call.search([]), self.call_b)
        with self.assertRaises(AccessError):
            self.call_a_number.with_user(self.op_b).read(["state"])
        with self.assertRaises(AccessError):
            self.account_a.with_user(self.op_b).read(["name"])

    @mute_logger("odoo.models", "odoo.fields")
    def test_secrets_admin_only(self):
        """Neither operators nor VoIP managers read the SID, token or key secret."""
        self.assertEqual(self.account_a.with_user(self.op_a).state, "draft")
        for user in (self.op_a, self.manager):
            account = self.account_a.with_user(user)
            for fname in ("auth_token", "account_sid", "api_key_secret"):
                with self.assertRaises(AccessError):
                    account.read([fname])
        self.assertNotIn(
            "auth_token",
            self.env["crm.voip.account"].with_user(self.manager).fields_get(),
        )
        with self.assertRaises(AccessError):
            self.account_a.with_user(self.manager).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.account_a.with_user(self.manager).action_connect()
        admin = self.env.ref("base.user_admin")
        self.assertEqual(self.account_a.with_user(admin).auth_token, "token-company-a")

    def test_numbers_normalised_and_unique(self):
        self.assertEqual(self.number_a.phone_number, "+33184880010")
        self.assertEqual(self.number_a.country_id, self.env.ref("base.fr"))
        with self.assertRaises(ValidationError):
            self.env["crm.voip.number"].create(
                {"account_id": self.account_a.id, "phone_number": "not a number"}
            )
        with (
            self.assertRaises(IntegrityError),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            self.env["crm.voip.number"].create(
                {"account_id": self.account_a.id, "phone_number": "+33184880010"}
            )

    def test_changing_credentials_disconnects(self):
        self.account_a.sudo().state = "connected"
        self.account_a.auth_token = "new-token"
        self.assertEqual(self.account_a.state, "draft")

    def test_settings_open_company_account(self):
        action = self.env["res.config.settings"].action_crm_voip_open_account()
        self.assertEqual(action["res_id"], self.account_a.id)
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(
                self.manager
            ).action_crm_voip_open_account()

    def test_token_never_read_back(self):
        """The form writes the Auth Token but never receives it, even as admin."""
        admin = self.env.ref("base.user_admin")
        account = self.account_a.with_user(admin)
        self.assertTrue(account.auth_token_set)
        self.assertFalse(account.auth_token_input)
        with Form(account) as form:
            form.auth_token_input = "  new-token  "
        self.assertEqual(self.account_a.auth_token, "new-token")
        self.assertEqual(self.account_a.state, "draft")
        data = account.web_read({"auth_token_input": {}, "auth_token_set": {}})
        self.assertFalse(data[0]["auth_token_input"])
        self.assertTrue(data[0]["auth_token_set"])
        arch = account.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertNotIn('name="auth_token"', arch)


@tagged("post_install", "-at_install")
class TestVoipOperatorRights(VoipCommonMixin, TransactionCase):
    """A VoIP manager adds and removes operators: VoIP rights only, taken back."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()
        cls.newcomer = new_test_user(
            cls.env, login="voip_newcomer", name="Newcomer", groups="base.group_user"
        )
        cls.as_manager = cls.env(user=cls.manager)

    def _add(self, number, user):
        number = number.with_env(self.as_manager)
        number.write({"operator_ids": [Command.create({"user_id": user.id})]})
        return number.operator_ids.filtered(lambda op: op.user_id == user)

    def test_operator_gets_no_crm_rights(self):
        self._add(self.number_a, self.newcomer)
        self.assertTrue(self.newcomer.has_group("crm_voip.group_crm_voip_operator"))
        self.assertFalse(self.newcomer.has_group("sales_team.group_sale_salesman"))
        self.assertNotIn(
            self.env.ref("sales_team.group_sale_salesman"),
            self.env.ref("crm_voip.group_crm_voip_manager").trans_implied_ids,
        )

    def test_removed_operator_loses_the_group(self):
        operator = self._add(self.number_a, self.newcomer)
        self._add(self.number_a2, self.newcomer)
        self.newcomer.with_user(self.newcomer).voip_status = "online"
        operator.unlink()
        # still operates number_a2
        self.assertTrue(self.newcomer.has_group("crm_voip.group_crm_voip_operator"))
        self.number_a2.with_env(self.as_manager).write(
            {
                "operator_ids": [
                    Command.unlink(op.id)
                    for op in self.number_a2.operator_ids
                    if op.user_id == self.newcomer
                ]
            }
        )
        self.assertFalse(self.newcomer.has_group("crm_voip.group_crm_voip_operator"))
        self.assertEqual(self.newcomer.voip_status, "offline")

    def test_replaced_operator_loses_the_group(self):
        operator = self._add(self.number_a, self.newcomer)
        other = new_test_user(self.env, login="voip_other", groups="base.group_user")
        operator.with_env(self.as_manager).user_id = other
        self.assertFalse(self.newcomer.has_group("crm_voip.group_crm_voip_operator"))
        self.assertTrue(other.has_group("crm_voip.group_crm_voip_operator"))

    def test_deleted_number_takes_the_group_back(self):
        number = (
            self.env["crm.voip.number"]
            .with_env(self.as_manager)
            .create(
                {
                    "account_id": self.account_a.id,
                    "phone_number": "+33184880099",
                    "operator_ids": [Command.create({"user_id": self.newcomer.id})],
                }
            )
        )
        self.assertTrue(self.newcomer.has_group("crm_voip.group_crm_voip_operator"))
        number.unlink()
        self.assertFalse(self.newcomer.has_group("crm_voip.group_crm_voip_operator"))

    def test_manager_keeps_rights_and_portal_refused(self):
        operator = self._add(self.number_a, self.manager)
        operator.unlink()
        self.assertTrue(self.manager.has_group("crm_voip.group_crm_voip_operator"))
        portal = new_test_user(
            self.env, login="voip_portal", groups="base.group_portal"
        )
        with self.assertRaisesRegex(ValidationError, "internal users"):
            self._add(self.number_a, portal)
        self.assertFalse(portal.has_group("crm_voip.group_crm_voip_operator"))
