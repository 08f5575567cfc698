# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from twilio.request_validator import RequestValidator
from werkzeug.datastructures import MultiDict

from odoo.tests import BaseCase, tagged

from ..tools.twilio_gateway import compute_signature, normalize_e164, verify_signature

# Twilio's published test vector (twilio-python tests/unit/test_request_validator.py).
VECTOR_TOKEN = "12345"
VECTOR_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
VECTOR_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675309",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
}
VECTOR_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


@tagged("post_install", "-at_install")
class TestSignature(BaseCase):
    def test_published_test_vector(self):
        self.assertEqual(
            compute_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS), VECTOR_SIGNATURE
        )
        self.assertTrue(
            verify_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS, VECTOR_SIGNATURE)
        )

    def test_official_validator_agrees(self):
        """The official RequestValidator's signatures verify (form MultiDict too)."""
        params = MultiDict(
            [
                ("To", "+33184880010"),
                ("From", "+33123456789"),
                ("Tag", "b"),
                ("Tag", "a"),
            ]
        )
        url = "https://crm.example.com/crm_voip/twilio/voice"
        signature = RequestValidator("secret").compute_signature(url, params)
        self.assertEqual(compute_signature("secret", url, params), signature)
        self.assertTrue(verify_signature("secret", url, params, signature))

    def test_refusals(self):
        """Tampered parameter, other URL, other token, missing signature: refused."""
        sig = VECTOR_SIGNATURE
        tampered = dict(VECTOR_PARAMS, Digits="1235")
        self.assertFalse(verify_signature(VECTOR_TOKEN, VECTOR_URL, tampered, sig))
        other_url = "https://mycompany.com/other.php?foo=1&bar=2"
        self.assertFalse(verify_signature(VECTOR_TOKEN, other_url, VECTOR_PARAMS, sig))
        http_url = VECTOR_URL.replace("https", "http")
        self.assertFalse(verify_signature(VECTOR_TOKEN, http_url, VECTOR_PARAMS, sig))
        self.assertFalse(verify_signature("54321", VECTOR_URL, VECTOR_PARAMS, sig))
        self.assertFalse(verify_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS, ""))
        self.assertFalse(verify_signature("", VECTOR_URL, VECTOR_PARAMS, sig))

    def test_default_port(self):
        """Twilio signs with or without the port: both verify (Twilio's own validator
        tries the URL with and without it); another host or scheme does not."""
        with_port = "https://mycompany.com:443/myapp.php?foo=1&bar=2"
        sig_port = compute_signature(VECTOR_TOKEN, with_port, VECTOR_PARAMS)
        self.assertTrue(
            verify_signature(VECTOR_TOKEN, VECTOR_URL, VECTOR_PARAMS, sig_port)
        )
        self.assertTrue(
            verify_signature(VECTOR_TOKEN, with_port, VECTOR_PARAMS, VECTOR_SIGNATURE)
        )
        for other in (
            "https://mycompany.org/myapp.php?foo=1&bar=2",
            "http://mycompany.com:443/myapp.php?foo=1&bar=2",
            "https://mycompany.com/myapp.php?foo=1&bar=3",
        ):
            self.assertFalse(
                verify_signature(VECTOR_TOKEN, other, VECTOR_PARAMS, VECTOR_SIGNATURE)
            )

    def test_twilio_validator_used(self):
        """The check is Twilio's RequestValidator.validate (constant-time compare)."""
        with patch.object(
            RequestValidator, "validate", autospec=True, return_value=True
        ) as validate:
            self.assertTrue(verify_signature("secret", VECTOR_URL, {}, "sig"))
        self.assertEqual(validate.call_args.args[1:], (VECTOR_URL, {}, "sig"))

    def test_normalize_e164(self):
        self.assertEqual(normalize_e164("01 23 45 67 89", "FR"), "+33123456789")
        self.assertEqual(normalize_e164("+33 1 23 45 67 89"), "+33123456789")
        self.assertEqual(normalize_e164("0033123456789", "fr"), "+33123456789")
        self.assertFalse(normalize_e164("client:odoo_db_2"))
        self.assertFalse(normalize_e164("anonymous"))
        self.assertFalse(normalize_e164("12", "FR"))
        self.assertFalse(normalize_e164(False))
