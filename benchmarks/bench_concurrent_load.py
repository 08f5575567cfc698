# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Load held under concurrency (issue 15): nothing lost, nothing doubled.

1. Odoo runs as a separate process with ``--workers 4`` on 127.0.0.1 (this database
   only, no cron thread). 200 signed inbound-call webhooks (Twilio's voice URL) and
   their parent-leg status callbacks ("completed") are posted at once from
   CONCURRENCY threads, in random order, a quarter of them twice: a status callback
   may come before its call's voice webhook, and the same event may run in two
   workers at the same time. Then every call must be logged once, with its status,
   and summarised once on its contact's chatter. The "Odoo" column is the same load
   on Odoo's lightest route (/web/webclient/version_info); the query counts are the
   server's own (its request log).
2. The reminder cron (``crm.event.reminder._cron_send_reminders``, as the cron
   worker runs it: a commit per batch) runs in two Odoo processes at the same time
   over 10,000 due reminders. Odoo's ir.cron would never run one job twice at once
   (it locks the job's row); calling the method from two processes is the harder
   case: the lines' own locks (FOR UPDATE SKIP LOCKED) must share the work. Each
   reminder must be sent exactly once. The "Odoo" column is Odoo's own reminder
   mail (calendar.attendee._send_mail_to_attendees) measured in this process on
   SAMPLE of the same events and scaled to their number (one process: ir.cron's
   way).

Bounded: 200 calls, 10,000 reminders, every wait has a timeout. The calls, their
chatter summaries, the reminder logs and their mails are deleted afterwards; the
generated events stay for the next run (as the other benchmarks' data).
"""

import json
import logging
import os
import random
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from twilio.request_validator import RequestValidator

from . import datagen
from .bench_event_reminders import _events, _make_due
from .harness import Measure, Result, measure, rolled_back

_logger = logging.getLogger("benchmarks")

DESCRIPTION = (
    "concurrency: 200 webhooks + callbacks on 4 workers, reminder cron in 2 processes"
)
# HTTP port of the Odoo under load (its gevent port is PORT + 1), both on 127.0.0.1
PORT = int(os.environ.get("CRM_EXT_BENCH_PORT") or 8174)
CALLS = 200
DUPLICATE_SHARE = 0.25
CONCURRENCY = 40
REMINDERS = 10000
SAMPLE = 200  # events of Odoo's reminder mail measure
SERVER_START_TIMEOUT = 120
REQUEST_TIMEOUT = 60
CRON_TIMEOUT = 900
SID = "AC" + "e" * 32
TOKEN = "bench-load-token"
NUMBER = "+33184889901"
ROOT = Path(__file__).resolve().parent.parent
LOG_LINE = re.compile(
    r'"POST (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) - (?P<queries>\d+) '
)


# Setup ------------------------------------------------------------
def _voip_setup(env, base):
    company = env.company
    account = env["crm.voip.account"].search([("company_id", "=", company.id)])
    if not account:
        account = env["crm.voip.account"].create({"company_id": company.id})
    saved = account.read(["account_sid", "auth_token", "public_base_url"])[0]
    account.write({"account_sid": SID, "auth_token": TOKEN, "public_base_url": base})
    user = datagen.users(env)[0]
    number = env["crm.voip.number"].search([("phone_number", "=", NUMBER)])
    if not number:  # (left over when a previous run was interrupted)
        number = env["crm.voip.number"].create(
            {
                "account_id": account.id,
                "phone_number": NUMBER,
                "operator_ids": [(0, 0, {"user_id": user.id})],
            }
        )
    user.voip_status = "online"
    env.cr.commit()  # pylint: disable=invalid-commit
    return account, saved, number


def _voip_cleanup(env, account, saved, number, since):
    env.cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()
    calls = env["crm.voip.call"].search([("number_id", "=", number.id)])
    partners = calls.partner_id
    env["mail.message"].search(
        [
            ("model", "=", "res.partner"),
            ("res_id", "in", partners.ids),
            ("message_type", "=", "comment"),
            ("create_date", ">=", since),
        ]
    ).unlink()
    calls.unlink()
    partners.filtered(lambda p: p.phone == p.name).unlink()
    number.unlink()
    account.write({k: v for k, v in saved.items() if k != "id"})
    env.cr.commit()  # pylint: disable=invalid-commit


# The Odoo server under load --------------------------------------
def _start_server(db, logfile):
    import odoo  # pylint: disable=import-outside-toplevel

    odoo_bin = Path(odoo.__file__).resolve().parent.parent / "odoo-bin"
    command = [
        sys.executable,
        str(odoo_bin),
        "-c",
        odoo.tools.config.rcfile,
        "-d",
        db,
        "--db-filter",
        f"^{re.escape(db)}$",
        "--workers",
        "4",
        "--max-cron-threads",
        "0",
        "--http-interface",
        "127.0.0.1",
        "--http-port",
        str(PORT),
        "--gevent-port",
        str(PORT + 1),
        "--limit-time-real",
        "300",
        "--log-level",
        "info",
        "--logfile",
        str(logfile),
    ]
    proc = subprocess.Popen(  # noqa: S603 - our own odoo-bin, loopback only
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{PORT}/web/webclient/version_info"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Odoo server stopped at start, see {logfile}")
        try:
            if requests.post(url, json={}, timeout=5).status_code == 200:
                return proc
        except requests.RequestException:
            pass
        time.sleep(1)
    _stop(proc)
    raise RuntimeError(f"the Odoo server did not answer in time, see {logfile}")


def _stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # the prefork server stops its workers
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)


def _fire(requests_list, sign):
    """[(status or None, seconds, traceback shown)] of posting them all at once."""
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_maxsize=CONCURRENCY)
    session.mount("http://", adapter)

    def post(item):
        url, params = item
        start = time.perf_counter()
        try:
            # one connection per request, as Twilio's callbacks come: a kept-alive
            # one may be closed meanwhile by the worker (2 s socket timeout)
            headers = {"Connection": "close"}
            if params is None:
                response = session.post(
                    url, json={}, headers=headers, timeout=REQUEST_TIMEOUT
                )
            else:
                headers["X-Twilio-Signature"] = sign(url, params)
                response = session.post(
                    url, data=params, headers=headers, timeout=REQUEST_TIMEOUT
                )
        except requests.RequestException:
            return None, time.perf_counter() - start, False
        return (
            response.status_code,
            time.perf_counter() - start,
            "Traceback" in response.text,
        )

    with ThreadPoolExecutor(CONCURRENCY) as pool:
        return list(pool.map(post, requests_list))


def _percentiles(outcomes):
    timings = sorted(seconds for _status, seconds, _tb in outcomes)
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    return timings[len(timings) // 2], p99


def _server_queries(logfile, paths):
    """Queries per request of `paths` in the server's request log."""
    counts = [
        int(m["queries"])
        for m in map(LOG_LINE.search, Path(logfile).read_text().splitlines())
        if m and m["path"] in paths
    ]
    return round(sum(counts) / len(counts), 1) if counts else 0, len(counts)


def _webhooks(env, number, logfile):
    base = f"http://127.0.0.1:{PORT}"
    voice, status = f"{base}/crm_voip/twilio/voice", f"{base}/crm_voip/twilio/status"
    datagen.partners(env, 1000)  # partner i has phone +3314{i:07d}
    prefix = f"CAload{int(time.time())}"
    events = []
    for i in range(CALLS):
        params = {
            "AccountSid": SID,
            "CallSid": f"{prefix}{i:05d}",
            "From": f"+3314{i * 7 % 1000:07d}",
            "To": number.phone_number,
            "Direction": "inbound",
        }
        events.append((voice, dict(params, CallStatus="ringing")))
        events.append((status, dict(params, CallStatus="completed", CallDuration="0")))
    rng = random.Random(15)
    events += rng.sample(events, int(len(events) * DUPLICATE_SHARE))
    rng.shuffle(events)
    validator = RequestValidator(TOKEN)
    since = env.cr.now()
    outcomes = _fire(events, validator.compute_signature)
    odoo_outcomes = _fire(
        [(f"{base}/web/webclient/version_info", None)] * len(events), None
    )
    return prefix, events, outcomes, odoo_outcomes, since


def _check_calls(env, prefix, since):
    """(recorded, distinct SIDs, status applied, chatter summaries, contacts
    summarised) of the calls."""
    env.cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()
    env.cr.execute(
        "SELECT count(*), count(DISTINCT sid), "
        "count(*) FILTER (WHERE twilio_status = 'completed') "
        "FROM crm_voip_call WHERE sid LIKE %s",
        (prefix + "%",),
    )
    recorded, distinct, completed = env.cr.fetchone()
    env.cr.execute(
        "SELECT count(*), count(DISTINCT res_id) FROM mail_message "
        "WHERE model = 'res.partner' AND message_type = 'comment' "
        "AND create_date >= %s AND res_id IN "
        "(SELECT partner_id FROM crm_voip_call WHERE sid LIKE %s)",
        (since, prefix + "%"),
    )
    summaries, contacts = env.cr.fetchone()
    return recorded, distinct, completed, summaries, contacts


# The reminder cron in two processes ------------------------------
CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from benchmarks.bench_concurrent_load import reminder_child
print(json.dumps(reminder_child({config!r}, {db!r}, {start_at!r})), flush=True)
"""


def reminder_child(config, db, start_at):
    """One Odoo process running the reminder cron as the cron worker does."""
    import odoo  # pylint: disable=import-outside-toplevel
    from odoo import (  # pylint: disable=import-outside-toplevel
        SUPERUSER_ID,
        api,
        sql_db,
    )
    from odoo.modules.registry import (
        Registry,  # pylint: disable=import-outside-toplevel
    )

    odoo.tools.config.parse_config(["-c", config, "-d", db])
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cron = env.ref("crm_events_reminders.ir_cron_event_reminders")
        reminders = env["crm.event.reminder"].with_context(cron_id=cron.id)
        cr.commit()  # pylint: disable=invalid-commit
        time.sleep(max(0.0, start_at - time.time()))
        queries, start = sql_db.sql_counter, time.perf_counter()
        result = {"pid": os.getpid(), "error": None, "done": None}
        try:
            result["done"] = reminders._cron_send_reminders(time_budget=CRON_TIMEOUT)
            cr.commit()  # pylint: disable=invalid-commit
        except Exception as error:  # noqa: BLE001 - reported as the cron would log it
            cr.rollback()
            result["error"] = f"{type(error).__name__}: {error}".splitlines()[0]
        result["seconds"] = time.perf_counter() - start
        result["queries"] = sql_db.sql_counter - queries
    return result


def _reminders(env):
    import odoo  # pylint: disable=import-outside-toplevel

    every = _events(env, REMINDERS).with_env(env)
    due_events = every[:REMINDERS]
    Reminder = env["crm.event.reminder"]
    _reminders_cleanup(env, due_events)  # (left over when a run was interrupted)
    _make_due(env, due_events)
    env.flush_all()
    env.cr.commit()  # pylint: disable=invalid-commit
    due = Reminder._crm_count_due()
    env.cr.commit()  # pylint: disable=invalid-commit
    start_at = time.time() + 20  # both processes loaded, then at once
    children = [
        subprocess.Popen(  # noqa: S603 - this interpreter, this benchmark
            [
                sys.executable,
                "-c",
                CHILD.format(
                    root=str(ROOT),
                    config=odoo.tools.config.rcfile,
                    db=env.cr.dbname,
                    start_at=start_at,
                ),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for _i in range(2)
    ]
    results = []
    for child in children:
        try:
            out, _err = child.communicate(timeout=CRON_TIMEOUT + 120)
        except subprocess.TimeoutExpired:
            child.kill()
            out, _err = child.communicate()
        lines = [line for line in out.splitlines() if line.startswith("{")]
        results.append(
            json.loads(lines[-1]) if lines else {"error": "no result", "done": None}
        )
    env.cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()
    reminder_ids = Reminder.search([("event_id", "in", due_events.ids)]).ids
    env.cr.execute(
        "SELECT count(*), count(DISTINCT reminder_id), "
        "count(*) FILTER (WHERE mail_id IS NOT NULL) "
        "FROM crm_event_reminder_log WHERE reminder_id = ANY(%s)",
        (reminder_ids,),
    )
    logs, distinct, mails = env.cr.fetchone()
    env.cr.execute(
        "SELECT count(*) FROM ("
        " SELECT reminder_id FROM crm_event_reminder_log WHERE reminder_id = ANY(%s)"
        " GROUP BY reminder_id, partner_id HAVING count(*) > 1) d",
        (reminder_ids,),
    )
    doubled = env.cr.fetchone()[0]
    env.cr.execute(
        "SELECT count(*) FROM crm_event_reminder WHERE id = ANY(%s) "
        "AND state = 'pending'",
        (reminder_ids,),
    )
    pending = env.cr.fetchone()[0]
    return due_events, due, results, (logs, distinct, mails, doubled, pending)


def _reminders_cleanup(env, due_events):
    env.cr.commit()  # pylint: disable=invalid-commit
    env.invalidate_all()
    logs = env["crm.event.reminder.log"].search([("event_id", "in", due_events.ids)])
    logs.mail_id.unlink()
    env["mail.message"].search(
        [("model", "=", "crm.event.reminder.log"), ("res_id", "in", logs.ids)]
    ).unlink()
    logs.unlink()
    env.cr.commit()  # pylint: disable=invalid-commit


def _odoo_reminder_mails(env, due_events):
    """Odoo's reminder mail to the attendees of SAMPLE due events, one process."""
    sample = due_events[:SAMPLE]
    template = env.ref("calendar.calendar_template_meeting_reminder")
    with rolled_back(env):  # warm the caches
        sample[:5].attendee_ids._send_mail_to_attendees(template)
    with rolled_back(env):
        attendees = sample.attendee_ids
        env.flush_all()
        with measure(env) as odoo:
            attendees.with_context(
                calendar_template_ignore_recurrence=True, mail_notify_author=True
            )._send_mail_to_attendees(template)
    return odoo, len(attendees)


# Run ------------------------------------------------------------
def run(env, size):
    rows = []
    logdir = ROOT / ".run" / "logs"
    logdir.mkdir(parents=True, exist_ok=True)
    logfile = logdir / f"bench_concurrent_load_{env.cr.dbname}.log"
    logfile.write_text("")
    base = f"http://127.0.0.1:{PORT}"
    datagen.partners(env, 1000)
    account, saved, number = _voip_setup(env, base)
    since = env.cr.now()
    try:
        proc = _start_server(env.cr.dbname, logfile)
        try:
            prefix, events, outcomes, odoo_outcomes, since = _webhooks(
                env, number, logfile
            )
        finally:
            _stop(proc)
        sent = len(events)
        answered = sum(1 for s, _t, _tb in outcomes if s and 200 <= s < 300)
        tracebacks = sum(1 for _s, _t, tb in outcomes if tb)
        p50, p99 = _percentiles(outcomes)
        o50, o99 = _percentiles(odoo_outcomes)
        hook_q, _n = _server_queries(
            logfile, {"/crm_voip/twilio/voice", "/crm_voip/twilio/status"}
        )
        odoo_q, _n = _server_queries(logfile, {"/web/webclient/version_info"})
        checks = _check_calls(env, prefix, since)
        recorded, distinct, completed, summarised, contacts = checks
        statuses = sorted(
            {s for s, _t, _tb in outcomes if not (s and s < 300)}, key=str
        )
        print(
            f"webhooks: {sent} posted ({CALLS} voice + {CALLS} status, "
            f"{sent - 2 * CALLS} duplicates, random order, {CONCURRENCY} at once, "
            f"4 workers): answered {answered}, errors {sent - answered} "
            f"{statuses or ''}, traceback bodies {tracebacks}, "
            f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms "
            f"(Odoo's version_info: p50 {o50 * 1000:.0f} ms, p99 {o99 * 1000:.0f} ms)",
            flush=True,
        )
        print(
            f"calls: recorded {recorded} vs sent {CALLS}, duplicates "
            f"{recorded - distinct}, status applied {completed}/{CALLS}, "
            f"chatter summaries {summarised}/{CALLS} (on {contacts} contacts)",
            flush=True,
        )
        rows += [
            Result(
                f"webhooks p50, {CONCURRENCY} at once, 4 workers",
                sent,
                Measure(p50, hook_q),
                Measure(o50, odoo_q),
            ),
            Result(
                f"webhooks p99, {CONCURRENCY} at once, 4 workers",
                sent,
                Measure(p99, hook_q),
                Measure(o99, odoo_q),
            ),
        ]
    finally:
        _voip_cleanup(env, account, saved, number, since)

    due_events = env["calendar.event"]
    try:
        due_events, due, results, checks = _reminders(env)
        logs, distinct, mails, doubled, pending = checks
        wall = max(r.get("seconds", 0.0) for r in results)
        queries = sum(r.get("queries", 0) for r in results)
        per_process = "; ".join(
            f"process {i + 1}: {r.get('done')} sent in {r.get('seconds', 0):.1f} s"
            + (f", ERROR {r['error']}" if r.get("error") else "")
            for i, r in enumerate(results)
        )
        print(
            f"reminders: due {due}, sent {distinct} (logs {logs}, mails {mails}), "
            f"sent more than once {doubled}, still pending {pending}; "
            f"{per_process}; wall {wall:.1f} s",
            flush=True,
        )
        odoo, attendees = _odoo_reminder_mails(env, due_events)
        scale = len(due_events) / max(len(due_events[:SAMPLE]), 1)
        rows.append(
            Result(
                f"reminder cron, {due} due, 2 processes",
                due,
                Measure(wall, queries),
                Measure(odoo.seconds * scale, round(odoo.queries * scale)),
            )
        )
        print(
            f"(Odoo column: calendar reminder mails to {attendees} attendees of "
            f"{SAMPLE} events in one process, scaled x{scale:.0f})",
            flush=True,
        )
    finally:
        if due_events:
            _reminders_cleanup(env, due_events)
    return rows
