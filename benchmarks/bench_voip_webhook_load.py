# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_voip inbound webhook under load (issue 8: p50/p99 at 50 concurrent calls).

A bounded local load test: Odoo's HTTP server is started in this process on
127.0.0.1, and 50 threads post signed inbound-call webhooks (Twilio's voice URL, with
caller identification, the call record and the TwiML answer) as Twilio would. The
"Odoo" column is the same load on Odoo's own lightest route,
/web/webclient/version_info, i.e. what the server costs by itself. The data made is
deleted afterwards.
"""

import time
from concurrent.futures import ThreadPoolExecutor

import requests
from twilio.request_validator import RequestValidator

from . import datagen
from .harness import Measure, Result

DESCRIPTION = "crm_voip: inbound webhook p50/p99 at 50 concurrent calls (loopback)"
CONCURRENCY = 50
CALLS = 500
PORT = 8073
SID = "AC" + "f" * 32
TOKEN = "bench-token"


def _setup(env):
    company = env.company
    account = env["crm.voip.account"].search([("company_id", "=", company.id)])
    if not account:
        account = env["crm.voip.account"].create({"company_id": company.id})
    saved = account.read(["account_sid", "auth_token", "public_base_url"])[0]
    account.write(
        {
            "account_sid": SID,
            "auth_token": TOKEN,
            "public_base_url": f"http://127.0.0.1:{PORT}",
        }
    )
    user = datagen.users(env)[0]
    number = env["crm.voip.number"].search([("phone_number", "=", "+33184889900")])
    if not number:  # (left over when a previous run was interrupted)
        number = env["crm.voip.number"].create(
            {
                "account_id": account.id,
                "phone_number": "+33184889900",
                "operator_ids": [(0, 0, {"user_id": user.id})],
            }
        )
    user.voip_status = "online"
    env.cr.commit()  # pylint: disable=invalid-commit
    return account, saved, number


def _cleanup(env, account, saved, number):
    env.cr.commit()  # pylint: disable=invalid-commit
    # (a new snapshot: the calls were committed by the server's threads)
    env.invalidate_all()
    calls = env["crm.voip.call"].search([("number_id", "=", number.id)])
    partners = calls.partner_id.filtered(lambda p: p.phone == p.name)
    calls.unlink()
    partners.unlink()
    number.unlink()
    account.write({k: v for k, v in saved.items() if k != "id"})
    env.cr.commit()  # pylint: disable=invalid-commit


def _load(session, url, payloads, sign):
    """(p50, p99) seconds of posting the payloads with CONCURRENCY threads."""

    def post(params):
        headers = {"X-Twilio-Signature": sign(params)} if sign else {}
        start = time.perf_counter()
        if params is None:
            response = session.post(url, json={}, timeout=30)
        else:
            response = session.post(url, data=params, headers=headers, timeout=30)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        return elapsed

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        timings = sorted(pool.map(post, payloads))
    return timings[len(timings) // 2], timings[int(len(timings) * 0.99) - 1]


def run(env, size):
    import odoo  # pylint: disable=import-outside-toplevel
    from odoo import sql_db  # pylint: disable=import-outside-toplevel
    from odoo.service import server  # pylint: disable=import-outside-toplevel

    datagen.partners(env, min(size, 10000))
    account, saved, number = _setup(env)
    odoo.tools.config["http_interface"] = "127.0.0.1"
    odoo.tools.config["http_port"] = PORT
    srv = server.ThreadedServer(odoo.http.root)
    srv.http_spawn()
    base = f"http://127.0.0.1:{PORT}"
    try:
        session = requests.Session()
        adapter = requests.adapters.HTTPAdapter(pool_maxsize=CONCURRENCY)
        session.mount("http://", adapter)
        # Twilio's callbacks carry no cookie (production needs dbfilter); here the
        # session cookie chooses the database on this multi-database server
        session.get(f"{base}/web?db={env.cr.dbname}", timeout=30)
        voice = f"{base}/crm_voip/twilio/voice"
        validator = RequestValidator(TOKEN)
        payloads = [
            {
                "AccountSid": SID,
                "CallSid": f"CAload{i:010d}",
                "From": f"+3314{i * 7 % min(size, 10000):07d}",
                "To": number.phone_number,
                "CallStatus": "ringing",
                "Direction": "inbound",
            }
            for i in range(CALLS)
        ]
        _load(
            session,
            voice,
            payloads[:20],
            lambda p: validator.compute_signature(voice, p),
        )
        queries = sql_db.sql_counter
        ours = _load(
            session,
            voice,
            payloads[20:],
            lambda p: validator.compute_signature(voice, p),
        )
        ours_q = (sql_db.sql_counter - queries) / (CALLS - 20)
        version = f"{base}/web/webclient/version_info"
        queries = sql_db.sql_counter
        odoo_way = _load(session, version, [None] * (CALLS - 20), None)
        odoo_q = (sql_db.sql_counter - queries) / (CALLS - 20)
    finally:
        srv.httpd.shutdown()  # not srv.stop(): it closes every database connection
        srv.httpd.server_close()
        _cleanup(env, account, saved, number)
    n = CALLS - 20
    return [
        Result(
            f"inbound webhook p50, {CONCURRENCY} concurrent",
            n,
            Measure(ours[0], round(ours_q, 1)),
            Measure(odoo_way[0], round(odoo_q, 1)),
        ),
        Result(
            f"inbound webhook p99, {CONCURRENCY} concurrent",
            n,
            Measure(ours[1], round(ours_q, 1)),
            Measure(odoo_way[1], round(odoo_q, 1)),
        ),
    ]
