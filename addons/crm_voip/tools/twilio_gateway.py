# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Everything that speaks Twilio, with no Odoo import.

- ``compute_signature`` / ``verify_signature``: X-Twilio-Signature (HMAC-SHA1 over the
  URL Twilio called and the sorted POST parameters) by Twilio's own RequestValidator,
  compared in constant time;
- ``normalize_e164``: one number, E.164 or False, with ``phonenumbers``;
- ``TwilioGateway``: the official ``twilio`` client with a timeout and a base URL the
  tests point at a local stand-in server, raising ``TwilioGatewayError`` only.
"""

import logging
from urllib.parse import urlsplit

import phonenumbers
import requests
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

_http_logger = logging.getLogger(__name__ + ".http")
TWILIO_API_URL = "https://api.twilio.com"
TIMEOUT = 10
NUMBER_TYPES = {"local": "local", "mobile": "mobile", "toll_free": "toll_free"}


def is_twilio_api_url(url):
    """Whether ``url`` is a base URL on Twilio's own hosts: https, ``twilio.com`` or
    ``*.twilio.com``, default port, no credentials, path, query or fragment."""
    try:
        parts = urlsplit((url or "").strip())
        port = parts.port
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return (
        parts.scheme == "https"
        and not parts.username
        and not parts.password
        and port in (None, 443)
        and parts.path in ("", "/")
        and not parts.query
        and not parts.fragment
        and (host == "twilio.com" or host.endswith(".twilio.com"))
    )


# Signatures ---------------------------------------------------------------------------
def compute_signature(auth_token, url, params):
    """X-Twilio-Signature of ``url`` + ``params`` (Twilio's own RequestValidator)."""
    return RequestValidator(auth_token).compute_signature(url, params)


def verify_signature(auth_token, url, params, signature):
    """True when ``signature`` signs ``url`` + ``params`` with ``auth_token``.

    Twilio's own ``RequestValidator.validate``: the sorted parameters (a werkzeug
    MultiDict's repeated values included), the URL with and without its port (Twilio
    signs either), compared in constant time.
    """
    if not (auth_token and signature and url):
        return False
    return RequestValidator(auth_token).validate(url, params or {}, signature)


# Numbers ------------------------------------------------------------------------------
def normalize_e164(number, region=None):
    """``number`` in E.164 (``+33612345678``), or False when it is not a number.

    ``region`` (ISO code) reads national numbers; ``client:…`` identities are no number.
    """
    if not number or not isinstance(number, str) or number.startswith("client:"):
        return False
    try:
        parsed = phonenumbers.parse(number, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        return False
    if not phonenumbers.is_possible_number(parsed):
        return False
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


# REST ---------------------------------------------------------------------------------
class TwilioGatewayError(Exception):
    """Twilio refused or could not be reached; ``message`` is fit for the user."""

    def __init__(self, message, status=None, code=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code


class _BaseUrlHttpClient(TwilioHttpClient):
    """The library's HTTP client, sending to ``base_url`` instead of api.twilio.com."""

    def __init__(self, base_url, timeout=TIMEOUT):
        # our own logger: the library logs every request at INFO level
        super().__init__(timeout=timeout, pool_connections=False, logger=_http_logger)
        self.base_url = (base_url or TWILIO_API_URL).rstrip("/")

    def request(self, method, url, *args, **kwargs):
        if url.startswith(TWILIO_API_URL):
            url = self.base_url + url[len(TWILIO_API_URL) :]
        return super().request(method, url, *args, **kwargs)


class TwilioGateway:
    """The few Twilio REST calls the module needs, through the official client."""

    def __init__(self, account_sid, auth_token, base_url=None, timeout=TIMEOUT):
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.base_url = (base_url or TWILIO_API_URL).rstrip("/")
        self.timeout = timeout
        self.client = Client(
            account_sid,
            auth_token,
            http_client=_BaseUrlHttpClient(self.base_url, timeout),
        )

    def _call(self, func, *args, **kwargs):
        try:
            return func(*args, **kwargs)
        except TwilioRestException as err:
            raise TwilioGatewayError(
                err.msg or str(err), status=err.status, code=err.code
            ) from err
        except (TwilioException, requests.RequestException, ValueError) as err:
            raise TwilioGatewayError(str(err)) from err

    @property
    def _account(self):
        return self.client.api.v2010.accounts(self.account_sid)

    def check_account(self):
        """The account's friendly name and status (checks the credentials)."""
        account = self._call(self._account.fetch)
        return {"friendly_name": account.friendly_name, "status": account.status}

    def create_api_key(self, friendly_name):
        key = self._call(self._account.new_keys.create, friendly_name=friendly_name)
        return {"sid": key.sid, "secret": key.secret}

    def delete_api_key(self, key_sid):
        return self._call(self._account.keys(key_sid).delete)

    def save_twiml_app(self, friendly_name, voice_url, status_callback, app_sid=None):
        """Create the TwiML application, or point the existing one at these URLs."""
        values = {
            "friendly_name": friendly_name,
            "voice_url": voice_url,
            "voice_method": "POST",
            "status_callback": status_callback,
            "status_callback_method": "POST",
        }
        if app_sid:
            app = self._call(self._account.applications(app_sid).update, **values)
        else:
            app = self._call(self._account.applications.create, **values)
        return app.sid

    def search_numbers(
        self, country_code, number_type="local", area_code=None, contains=None, limit=20
    ):
        available = self._account.available_phone_numbers(country_code.upper())
        resource = getattr(available, NUMBER_TYPES.get(number_type, "local"))
        kwargs = {"voice_enabled": True, "limit": limit, "page_size": limit}
        if area_code:
            kwargs["area_code"] = area_code
        if contains:
            kwargs["contains"] = contains
        records = self._call(resource.list, **kwargs)
        return [
            {
                "phone_number": rec.phone_number,
                "friendly_name": rec.friendly_name,
                "locality": rec.locality,
                "region": rec.region,
                "iso_country": rec.iso_country,
            }
            for rec in records
        ]

    def _number_dict(self, rec):
        return {
            "sid": rec.sid,
            "phone_number": rec.phone_number,
            "friendly_name": rec.friendly_name,
            "voice_url": rec.voice_url,
        }

    def owned_numbers(self, limit=200):
        records = self._call(
            self._account.incoming_phone_numbers.list, limit=limit, page_size=limit
        )
        return [self._number_dict(rec) for rec in records]

    def buy_number(self, phone_number, voice_url, status_callback):
        rec = self._call(
            self._account.incoming_phone_numbers.create,
            phone_number=phone_number,
            voice_url=voice_url,
            voice_method="POST",
            status_callback=status_callback,
            status_callback_method="POST",
        )
        return self._number_dict(rec)

    def point_number(self, number_sid, voice_url, status_callback):
        """Send the number's calls to Odoo (the voice URL wins only without an App)."""
        rec = self._call(
            self._account.incoming_phone_numbers(number_sid).update,
            voice_url=voice_url,
            voice_method="POST",
            voice_application_sid="",
            status_callback=status_callback,
            status_callback_method="POST",
        )
        return self._number_dict(rec)

    def release_number(self, number_sid):
        return self._call(self._account.incoming_phone_numbers(number_sid).delete)

    def call_prices(self, call_sid):
        """[(price, price_unit)] of the call and its child legs; price None if unknown.

        Twilio publishes prices negative (debits) and only some time after the call.
        """
        parent = self._call(self._account.calls(call_sid).fetch)
        children = self._call(
            self._account.calls.list, parent_call_sid=call_sid, page_size=50
        )
        return [(leg.sid, leg.price, leg.price_unit) for leg in [parent, *children]]

    def recordings_since(self, since, limit=1000):
        """The account's recordings created since ``since`` (UTC), newest first:
        [{sid, call_sid, status, duration, url}] (``url``: the media, no extension,
        as Twilio's recording callback gives it)."""
        records = self._call(
            self._account.recordings.list,
            date_created_after=since,
            limit=limit,
            page_size=min(limit, 1000),
        )
        return [
            {
                "sid": rec.sid,
                "call_sid": rec.call_sid,
                "status": rec.status,
                "duration": rec.duration,
                "url": f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}"
                f"/Recordings/{rec.sid}",
            }
            for rec in records
        ]

    def recording_media(self, recording_sid, fmt="mp3"):
        """(content, mimetype) of a recording, fetched with the credentials."""
        url = (
            f"{self.base_url}/2010-04-01/Accounts/{self.account_sid}"
            f"/Recordings/{recording_sid}.{fmt}"
        )
        try:
            response = requests.get(
                url, auth=(self.account_sid, self.auth_token), timeout=self.timeout
            )
        except requests.RequestException as err:
            raise TwilioGatewayError(str(err)) from err
        if response.status_code != 200:
            raise TwilioGatewayError(
                f"HTTP {response.status_code}", status=response.status_code
            )
        mimetype = "audio/mpeg" if fmt == "mp3" else "audio/wav"
        return response.content, mimetype
