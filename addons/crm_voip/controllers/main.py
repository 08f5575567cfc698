# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Twilio's webhooks and the softphone's user routes.

Twilio routes run as the public user (no rights) until X-Twilio-Signature is verified
against the account's Auth Token and the configured public URL; then as superuser,
restricted to the account's company (every search below names the company).
"""

import logging
import re

from twilio.jwt.access_token import AccessToken
from twilio.jwt.access_token.grants import VoiceGrant
from twilio.twiml.voice_response import VoiceResponse
from werkzeug.exceptions import (
    BadRequest,
    Forbidden,
    NotFound,
    UnsupportedMediaType,
)

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..models.crm_voip_account import (
    ROUTE_CLIENT,
    ROUTE_DIAL_ACTION,
    ROUTE_RECORDING,
    ROUTE_STATUS,
    ROUTE_VOICE,
)
from ..models.crm_voip_call import STATUS_RANK
from ..tools.twilio_gateway import (
    TwilioGatewayError,
    normalize_e164,
    verify_signature,
)

_logger = logging.getLogger(__name__)

# Twilio's webhooks are a few hundred bytes of form-encoded parameters. A larger body
# is refused with 413 by Odoo's form parser (werkzeug) before it is parsed: it is read
# and dropped in chunks (so that the client gets the answer), never kept in memory.
MAX_WEBHOOK_BYTES = 64 * 1024
FORM_MIMETYPE = "application/x-www-form-urlencoded"
TWILIO_ROUTE = {
    "type": "http",
    "auth": "public",
    "csrf": False,
    "methods": ["POST"],
    "save_session": False,
    "max_content_length": MAX_WEBHOOK_BYTES,
}
# What Twilio sends, checked once the signature is verified (400 otherwise)
MAX_VALUE_LENGTH = 1024
CALL_SID = re.compile(r"CA[0-9A-Za-z]{1,64}")
RECORDING_SID = re.compile(r"RE[0-9A-Za-z]{1,64}")
DIGITS = re.compile(r"[0-9]{1,9}")
# E.164, a browser (client:identity), a SIP address, or anonymous / restricted / ...
PARTY = re.compile(r"\+?[0-9]{1,20}|client:[\w.@-]{1,256}|sip:\S{1,256}|[A-Za-z]{1,32}")
DIAL_STATUSES = ("completed", "answered", "busy", "no-answer", "failed", "canceled")
RECORDING_STATUSES = ("in-progress", "completed", "absent", "failed")
LEG_EVENTS = "initiated ringing answered completed"
TOKEN_TTL = 3600


class CrmVoipController(http.Controller):
    # Signature -----------------------------------------------------------------------
    def _verified_env(self, route, **checks):
        """(env as superuser in the account's company, account, params), or an HTTP
        error: 415 for a body that is not a form, 403 for an unknown account or a
        bad signature, 400 for parameters Twilio does not send (``checks``, see
        ``_check_params``). A body over MAX_WEBHOOK_BYTES got 413 before this.

        The URL checked is the configured public URL + route + query string, never the
        URL this server saw (proxies change it).
        """
        httprequest = request.httprequest
        if httprequest.mimetype != FORM_MIMETYPE:
            raise UnsupportedMediaType()
        params = httprequest.form
        signature = httprequest.headers.get("X-Twilio-Signature")
        account = request.env["crm.voip.account"]._find_by_twilio_sid(
            params.get("AccountSid")
        )
        if not account or not signature:
            raise Forbidden()
        url = account._webhook_url(route)
        query = httprequest.query_string.decode()
        if query:
            url = f"{url}?{query}"
        if not verify_signature(account.sudo().auth_token, url, params, signature):
            _logger.warning("Twilio webhook %s: bad signature, refused", route)
            raise Forbidden()
        problem = self._check_params(params, **checks)
        if problem:
            _logger.warning("Twilio webhook %s refused: %s", route, problem)
            raise BadRequest(problem)
        company = account.company_id
        env = request.env(
            user=SUPERUSER_ID,
            context=dict(
                request.env.context,
                # what the webhook stores (call names, tracked statuses, chatter
                # summaries, new contacts) is in the company's language, not Twilio's
                lang=company.partner_id.lang or "en_US",
                allowed_company_ids=[company.id],
                mail_create_nosubscribe=True,
                mail_create_nolog=True,
            ),
        )
        return env, account.with_env(env), params

    @staticmethod
    def _check_params(
        params, required=(), patterns=None, digits=(), choices=None, **_kw
    ):
        """What is wrong with the parameters (a short text), or None.

        No value is long or holds control characters; ``required`` are there and not
        empty; ``patterns`` {name: regex} and ``choices`` {name: values} hold for the
        values given, ``digits`` are whole numbers.
        """
        for name, value in params.items(multi=True):
            if len(value) > MAX_VALUE_LENGTH or any(ord(char) < 32 for char in value):
                return f"{name[:40]!r}: value too long or with control characters"
        for name in ("CallSid", *required):
            if not params.get(name):
                return f"{name} missing"
        patterns = {"CallSid": CALL_SID, "ParentCallSid": CALL_SID, **(patterns or {})}
        for name, pattern in patterns.items():
            value = params.get(name)
            if value and not pattern.fullmatch(value):
                return f"{name}: malformed"
        for name in digits:
            value = params.get(name)
            if value and not DIGITS.fullmatch(value):
                return f"{name}: not a whole number"
        for name, values in (choices or {}).items():
            value = params.get(name)
            if value and value not in values:
                return f"{name}: unknown value"
        return None

    @staticmethod
    def _twiml(response):
        return request.make_response(
            str(response), headers=[("Content-Type", "text/xml")]
        )

    @staticmethod
    def _no_content():
        return request.make_response("", status=204)

    @staticmethod
    def _say(env, company, message_func, response=None):
        """Spoken message in the company's language, then hang up."""
        lang = company.partner_id.lang or "en_US"
        response = response or VoiceResponse()
        response.say(
            message_func(env(context=dict(env.context, lang=lang))),
            language=lang.replace("_", "-"),
        )
        response.hangup()
        return response

    # Twilio: calls -------------------------------------------------------------------
    @http.route(ROUTE_VOICE, **TWILIO_ROUTE)
    def twilio_voice(self, **_kw):
        """A customer calls one of our numbers: ring its online operators."""
        env, account, params = self._verified_env(
            ROUTE_VOICE,
            required=("From", "To"),
            patterns={"From": PARTY, "To": PARTY},
            choices={"CallStatus": STATUS_RANK},
        )
        company = account.company_id
        number = env["crm.voip.number"].search(
            [
                ("phone_number", "=", normalize_e164(params.get("To"))),
                ("account_id", "=", account.id),
                ("company_id", "=", company.id),
            ],
            limit=1,
        )
        if not number:
            return self._twiml(
                self._say(env, company, lambda e: e._("This number is not in service."))
            )
        Call = env["crm.voip.call"]
        call = Call._crm_voip_find(params.get("CallSid"), company, lock=True)
        operators = number._operators_to_ring()
        if not call:
            call = Call._crm_voip_create_once(
                lambda: Call._crm_voip_create_inbound(number, params)
            )
        if not operators:
            call._crm_voip_apply_dial_action({"DialCallStatus": "no-answer"})
            return self._twiml(
                self._say(
                    env,
                    company,
                    lambda e: e._("Nobody can take your call. Please call back later."),
                )
            )
        response = VoiceResponse()
        dial = self._dial(
            response,
            account,
            all(operators.mapped("must_record")),
            timeout=number.ring_timeout,
        )
        # what the softphone shows: the known caller and the records to open
        parameters = call._crm_voip_client_parameters()
        status_url = account._webhook_url(ROUTE_STATUS)
        for operator in operators:
            client = dial.client(
                status_callback=status_url,
                status_callback_event=LEG_EVENTS,
                status_callback_method="POST",
            )
            client.identity(operator.user_id.voip_identity)
            for name, value in parameters.items():
                client.parameter(name=name, value=value)
        return self._twiml(response)

    @staticmethod
    def _dial(response, account, record, **kwargs):
        """The <Dial> of a call: its outcome to the Dial action, recorded or not."""
        if record:
            kwargs["recording_status_callback"] = account._webhook_url(ROUTE_RECORDING)
        return response.dial(
            action=account._webhook_url(ROUTE_DIAL_ACTION),
            method="POST",
            answer_on_bridge=True,
            record="record-from-answer-dual" if record else "do-not-record",
            **kwargs,
        )

    @http.route(ROUTE_CLIENT, **TWILIO_ROUTE)
    def twilio_client(self, **_kw):
        """An operator's browser calls out (the TwiML application's voice URL)."""
        env, account, params = self._verified_env(
            ROUTE_CLIENT,
            required=("From",),
            patterns={"From": PARTY},
            choices={"CallStatus": STATUS_RANK},
        )
        company = account.company_id
        user = env["res.users"]._crm_voip_from_identity(params.get("From"))
        operator = env["crm.voip.operator"].search(
            [
                ("user_id", "=", user.id),
                ("number_id.account_id", "=", account.id),
                ("company_id", "=", company.id),
            ]
            + (
                [("number_id.phone_number", "=", normalize_e164(params["CallerId"]))]
                if params.get("CallerId")
                else []
            ),
            order="id",
        )
        operator = operator.filtered("can_call_out")[:1] or operator[:1]
        Call = env["crm.voip.call"]
        call = Call._crm_voip_find(params.get("CallSid"), company, lock=True)
        if not call:
            call = Call._crm_voip_create_once(
                lambda: Call._crm_voip_create_outbound(operator, user, params)
            )
        if call.refusal_reason:
            return self._twiml(
                self._say(
                    env,
                    company,
                    lambda e: call._fields["refusal_reason"].convert_to_export(
                        call.refusal_reason, call.with_env(e)
                    ),
                )
            )
        response = VoiceResponse()
        dial = self._dial(
            response,
            account,
            operator.must_record,
            caller_id=operator.number_id.phone_number,
        )
        dial.number(
            call.external_number,
            status_callback=account._webhook_url(ROUTE_STATUS),
            status_callback_event=LEG_EVENTS,
            status_callback_method="POST",
        )
        return self._twiml(response)

    @http.route(ROUTE_DIAL_ACTION, **TWILIO_ROUTE)
    def twilio_dial_action(self, **_kw):
        env, account, params = self._verified_env(
            ROUTE_DIAL_ACTION,
            required=("DialCallStatus",),
            digits=("DialCallDuration",),
            choices={"DialCallStatus": DIAL_STATUSES},
        )
        call = env["crm.voip.call"]._crm_voip_find(
            params.get("CallSid"), account.company_id, lock=True
        )
        if not call:
            raise NotFound()
        call._crm_voip_apply_dial_action(params)
        response = VoiceResponse()
        response.hangup()
        return self._twiml(response)

    @http.route(ROUTE_STATUS, **TWILIO_ROUTE)
    def twilio_status(self, **_kw):
        """Status of a call (parent leg) or of one of its child legs."""
        env, account, params = self._verified_env(
            ROUTE_STATUS,
            required=("CallStatus",),
            patterns={"From": PARTY, "To": PARTY},
            digits=("CallDuration",),
            choices={"CallStatus": STATUS_RANK},
        )
        Call = env["crm.voip.call"]
        company = account.company_id
        parent_sid = params.get("ParentCallSid")
        if parent_sid:
            call = Call._crm_voip_find(parent_sid, company, lock=True)
            if not call:
                raise NotFound()
            user = env["res.users"]._crm_voip_from_identity(params.get("To"))
            call._crm_voip_apply_leg_status(params, user)
            return self._no_content()
        call = Call._crm_voip_find(params.get("CallSid"), company, lock=True)
        if not call:
            call = self._inbound_call_from_status(env, account, params)
        if not call:
            raise NotFound()
        call._crm_voip_apply_status(params)
        return self._no_content()

    @staticmethod
    def _inbound_call_from_status(env, account, params):
        """The call of a status callback that came before (or without) its voice
        webhook, e.g. when the voice URL failed and Twilio used the fallback: logged
        all the same, as ringing, so the status then applies to it."""
        if params.get("Direction") != "inbound":
            return env["crm.voip.call"]
        number = env["crm.voip.number"].search(
            [
                ("phone_number", "=", normalize_e164(params.get("To"))),
                ("account_id", "=", account.id),
                ("company_id", "=", account.company_id.id),
            ],
            limit=1,
        )
        if not (number and params.get("From")):
            return env["crm.voip.call"]
        Call = env["crm.voip.call"]
        ringing = dict(params.to_dict(), CallStatus="ringing")
        return Call._crm_voip_create_once(
            lambda: Call._crm_voip_create_inbound(number, ringing)
        )

    @http.route(ROUTE_RECORDING, **TWILIO_ROUTE)
    def twilio_recording(self, **_kw):
        env, account, params = self._verified_env(
            ROUTE_RECORDING,
            required=("RecordingSid",),
            patterns={"RecordingSid": RECORDING_SID},
            digits=("RecordingDuration",),
            choices={"RecordingStatus": RECORDING_STATUSES},
        )
        call = env["crm.voip.call"]._crm_voip_find(
            params.get("CallSid"), account.company_id, lock=True
        )
        if not call:
            raise NotFound()
        call._crm_voip_apply_recording(params)
        return self._no_content()

    # Users ---------------------------------------------------------------------------
    @http.route(
        "/crm_voip/recording/<int:call_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def recording(self, call_id, **_kw):
        """The call's recording, fetched with the account's credentials (never sent)."""
        call = request.env["crm.voip.call"].browse(call_id).exists()
        if not call:
            raise NotFound()
        call.check_access("read")
        call = call.sudo()
        account = call.number_id.account_id
        if not (call.recording_sid and account):
            raise NotFound()
        try:
            content, mimetype = account._gateway().recording_media(call.recording_sid)
        except TwilioGatewayError as err:
            _logger.info("Recording %s not fetched: %s", call.recording_sid, err)
            return request.make_response(
                request.env._("The recording cannot be fetched from Twilio now."),
                status=502,
                headers=[("Content-Type", "text/plain; charset=utf-8")],
            )
        return request.make_response(
            content,
            headers=[
                ("Content-Type", mimetype),
                ("Cache-Control", "private, max-age=3600"),
                ("Content-Disposition", f'inline; filename="{call.recording_sid}.mp3"'),
            ],
        )

    @http.route("/crm_voip/token", type="json", auth="user")
    def token(self):
        """A Twilio access token for the operator's browser (softphone)."""
        user = request.env.user
        if not user.has_group("crm_voip.group_crm_voip_operator"):
            raise Forbidden()
        operator = (
            request.env["crm.voip.operator"]
            .sudo()
            .search(
                [
                    ("user_id", "=", user.id),
                    ("company_id", "in", request.env.companies.ids),
                    ("number_id.account_id.state", "=", "connected"),
                ],
                limit=1,
            )
        )
        if not operator:
            return {}
        account = operator.number_id.account_id
        token = AccessToken(
            account.account_sid,
            account.api_key_sid,
            account.api_key_secret,
            identity=user.voip_identity,
            ttl=TOKEN_TTL,
        )
        token.add_grant(
            VoiceGrant(
                outgoing_application_sid=account.twiml_app_sid, incoming_allow=True
            )
        )
        return {
            "token": token.to_jwt(),
            "identity": user.voip_identity,
            "ttl": TOKEN_TTL,
        }
