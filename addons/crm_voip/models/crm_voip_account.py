# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import contextlib
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import config

from ..tools.twilio_gateway import (
    TWILIO_API_URL,
    TwilioGateway,
    TwilioGatewayError,
    is_twilio_api_url,
)

_logger = logging.getLogger(__name__)

# Server option (odoo.conf, or the tests): a stand-in for Twilio's REST API used by
# every account instead of api_base_url. Only whoever runs the server sets it.
STAND_IN_OPTION = "crm_voip_twilio_api_url"

# Webhook routes (controllers/main.py); Twilio is given public base URL + route.
ROUTE_VOICE = "/crm_voip/twilio/voice"
ROUTE_CLIENT = "/crm_voip/twilio/client"
ROUTE_DIAL_ACTION = "/crm_voip/twilio/dial_action"
ROUTE_STATUS = "/crm_voip/twilio/status"
ROUTE_RECORDING = "/crm_voip/twilio/recording"


class CrmVoipAccount(models.Model):
    """A company's Twilio account. Its secrets are readable by administrators only."""

    _name = "crm.voip.account"
    _description = "Twilio Account"
    _inherit = ["mail.thread"]
    _check_company_auto = True

    name = fields.Char(required=True, default="Twilio", tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    account_sid = fields.Char(
        string="Account SID",
        groups="base.group_system",
        copy=False,
        help="Twilio Console → Account Info → Account SID (AC…).",
    )
    auth_token = fields.Char(
        string="Stored Auth Token", groups="base.group_system", copy=False
    )
    # The form writes the token through this field and never reads it back: the
    # stored token does not travel to any browser, an administrator's included.
    auth_token_input = fields.Char(
        string="Auth Token",
        compute="_compute_auth_token_input",
        inverse="_inverse_auth_token_input",
        groups="base.group_system",
        help="Twilio Console → Account Info → Auth Token. Signs Twilio's webhooks. "
        "Once saved it is not shown again; type a new one to replace it.",
    )
    auth_token_set = fields.Boolean(
        string="Auth Token saved", compute="_compute_auth_token_input"
    )
    api_key_sid = fields.Char(
        string="API Key SID", groups="base.group_system", copy=False, readonly=True
    )
    api_key_secret = fields.Char(groups="base.group_system", copy=False, readonly=True)
    twiml_app_sid = fields.Char(
        string="TwiML App SID", groups="base.group_system", copy=False, readonly=True
    )
    api_base_url = fields.Char(
        string="Twilio API URL",
        groups="base.group_system",
        default=TWILIO_API_URL,
        help="Twilio's REST API host (https://…twilio.com), e.g. a regional one. The "
        "credentials are sent to it, so no other host is accepted; a local stand-in "
        "for tests is set on the server (option crm_voip_twilio_api_url).",
    )
    public_base_url = fields.Char(
        string="Public URL",
        help="Address at which Twilio reaches this database. Empty: the URL of the "
        "VoIP settings, else the web base URL.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Not connected"),
            ("connected", "Connected"),
            ("error", "Error"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    twilio_name = fields.Char(string="Twilio account name", readonly=True)
    last_error = fields.Char(readonly=True)
    number_ids = fields.One2many(
        comodel_name="crm.voip.number", inverse_name="account_id", string="Numbers"
    )

    _sql_constraints = [
        (
            "company_uniq",
            "unique (company_id)",
            "A company has one Twilio account.",
        ),
        (
            "account_sid_uniq",
            "unique (account_sid)",
            "This Twilio account is already connected to another company.",
        ),
    ]

    # COMPUTES ----------------------------------------------------------------------
    def _compute_auth_token_input(self):
        tokens = {a.id: bool(a.auth_token) for a in self.sudo()}
        for account in self:
            account.auth_token_input = False
            account.auth_token_set = tokens.get(account.id, False)

    def _inverse_auth_token_input(self):
        for account in self.filtered("auth_token_input"):
            account.auth_token = account.auth_token_input.strip()

    @api.constrains("api_base_url")
    def _check_api_base_url(self):
        for account in self.sudo():
            if account.api_base_url and not is_twilio_api_url(account.api_base_url):
                raise ValidationError(
                    self.env._(
                        "The Twilio API URL must be one of Twilio's own addresses, "
                        "such as %(default)s (https, a host ending in .twilio.com): "
                        "%(url)s is not.",
                        default=TWILIO_API_URL,
                        url=account.api_base_url,
                    )
                )

    # ORM ---------------------------------------------------------------------------
    def write(self, vals):
        if {"account_sid", "auth_token"} & set(vals):
            vals = dict(vals, state="draft", last_error=False)
        return super().write(vals)

    # BUSINESS ----------------------------------------------------------------------
    def _get_public_base_url(self):
        """Base of every webhook URL, without trailing slash."""
        self.ensure_one()
        return (
            self.public_base_url
            or self.env["res.config.settings"]._crm_voip_public_base_url()
            or ""
        ).rstrip("/")

    def _webhook_url(self, route):
        return self._get_public_base_url() + route

    def _gateway(self):
        """The REST gateway with this account's credentials (read as superuser)."""
        self.ensure_one()
        # sudo below only reads the credentials, never shown: the user must first
        # be allowed to read the account itself (its company), or a wizard given
        # another company's account would call Twilio with that company's keys
        self.check_access("read")
        account = self.sudo()
        if not (account.account_sid and account.auth_token):
            raise UserError(
                self.env._("Enter the Twilio Account SID and Auth Token first.")
            )
        return TwilioGateway(
            account.account_sid, account.auth_token, base_url=account._api_base_url()
        )

    def _api_base_url(self):
        """Where the credentials go: the server's stand-in if one is set (tests),
        else the account's Twilio URL, never another host."""
        self.ensure_one()
        stand_in = config.get(STAND_IN_OPTION)
        if stand_in:
            return stand_in
        url = self.sudo().api_base_url or TWILIO_API_URL
        if not is_twilio_api_url(url):
            raise UserError(
                self.env._(
                    "The Twilio API URL %(url)s is not one of Twilio's addresses: "
                    "set it back to %(default)s.",
                    url=url,
                    default=TWILIO_API_URL,
                )
            )
        return url

    @contextlib.contextmanager
    def _twilio_errors(self):
        """Around a call to Twilio: its errors as clear messages, not tracebacks."""
        try:
            yield
        except TwilioGatewayError as err:
            self._raise_twilio_error(err)

    def _raise_twilio_error(self, err):
        """A clear message for the user instead of a traceback."""
        if err.status == 401 or err.code == 20003:
            raise UserError(
                self.env._("Twilio refused the Account SID or the Auth Token.")
            ) from err
        if err.status:
            raise UserError(
                self.env._("Twilio answered with an error: %(msg)s", msg=err.message)
            ) from err
        raise UserError(
            self.env._("Twilio cannot be reached right now: %(msg)s", msg=err.message)
        ) from err

    def _check_is_admin(self):
        if not (self.env.su or self.env.user.has_group("base.group_system")):
            raise AccessError(
                self.env._("Only administrators manage the Twilio account.")
            )

    @api.model
    def _find_by_twilio_sid(self, account_sid):
        """The account a webhook claims (before its signature is checked)."""
        if not account_sid:
            return self.browse()
        return self.sudo().search([("account_sid", "=", account_sid)], limit=1)

    # ACTIONS -----------------------------------------------------------------------
    def action_connect(self):
        """Check the credentials, then create the API key and the TwiML application.

        On failure nothing is kept: a key created during this attempt is deleted.
        """
        self.ensure_one()
        self._check_is_admin()
        account = self.sudo()
        gateway = self._gateway()
        new_key = None
        try:
            info = gateway.check_account()
            key_sid, key_secret = account.api_key_sid, account.api_key_secret
            if not (key_sid and key_secret):
                new_key = gateway.create_api_key(f"Odoo CRM ({self.env.cr.dbname})")
                key_sid, key_secret = new_key["sid"], new_key["secret"]
            app_sid = gateway.save_twiml_app(
                f"Odoo CRM ({self.env.cr.dbname})",
                self._webhook_url(ROUTE_CLIENT),
                self._webhook_url(ROUTE_STATUS),
                app_sid=account.twiml_app_sid,
            )
        except TwilioGatewayError as err:
            if new_key:
                try:
                    gateway.delete_api_key(new_key["sid"])
                except TwilioGatewayError:
                    _logger.warning("Twilio API key %s left behind", new_key["sid"])
            self._raise_twilio_error(err)
        account.write(
            {
                "api_key_sid": key_sid,
                "api_key_secret": key_secret,
                "twiml_app_sid": app_sid,
                "twilio_name": info["friendly_name"],
                "state": "connected",
                "last_error": False,
            }
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "Connected to the Twilio account %(name)s.",
                    name=info["friendly_name"],
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def action_open_number_search(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_voip.crm_voip_number_search_action"
        )
        action["context"] = {"default_account_id": self.id}
        return action

    def action_open_number_link(self):
        self.ensure_one()
        wizard = self.env["crm.voip.number.link"].create({"account_id": self.id})
        wizard._load_owned_numbers()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_voip.crm_voip_number_link_action"
        )
        action["res_id"] = wizard.id
        return action
