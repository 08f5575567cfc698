# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_events_reminders (issue 5): finding due reminders and sending them.

Every generated event has one Odoo email alarm (15 minutes before) and one of our
reminder lines (15 minutes before, email to the assignee), on the same events.

- find: ours is one indexed range scan over pending lines
  (`crm.event.reminder._crm_lock_due`, FOR UPDATE SKIP LOCKED); Odoo's is
  `calendar.alarm_manager._get_events_by_alarm_to_notify`, whose WHERE computes
  `start - interval` per row (no index can serve it). Target: 1 query, < 5 ms at
  100k events.
- send: ours renders the "Event reminder" template per recipient language and
  queues the mails in batch (`_crm_send`); Odoo's sends its reminder template to
  the attendees (`calendar.attendee._send_mail_to_attendees`). Target: <= 12
  queries and <= 40 ms per mail.
"""

from datetime import timedelta

from odoo import fields

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = "crm.event.reminder: due reminders and sending vs calendar.alarm_manager"
SIZES = (1000, 10000, 100000)
SEND = 50  # mails per sending measure
BATCH = 1000
RUN_DUE = 10000  # due reminders in one cron run
RUN_BATCH = 50  # the cron's default batch size


def _events(env, size):
    """Events spread over two years around now, each with an Odoo alarm and ours."""
    alarm = env.ref("calendar.alarm_mail_1", raise_if_not_found=False) or env[
        "calendar.alarm"
    ].search([("alarm_type", "=", "email")], limit=1)
    partner_ids = datagen.partners(env, max(size // 10, 1)).ids
    rep = datagen.users(env)[0]
    ctx = dict(
        datagen.QUIET,
        dont_notify=True,
        no_mail_to_attendees=True,
        crm_events_no_default_reminder=True,
    )
    Event = env["calendar.event"].with_context(**ctx)
    existing = Event.search_count([("name", "=like", f"{datagen.PREFIX}Event %")])
    base = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
    for start in range(existing, size, BATCH):
        stop = min(start + BATCH, size)
        vals = []
        for i in range(start, stop):
            begin = (
                base
                + timedelta(minutes=(i * 10) % (2 * 365 * 24 * 60))
                - timedelta(days=365)
            )
            vals.append(
                {
                    "name": f"{datagen.PREFIX}Event {i:07d}",
                    "start": begin,
                    "stop": begin + timedelta(hours=1),
                    "user_id": rep.id,
                    "partner_ids": [(6, 0, [partner_ids[i % len(partner_ids)]])],
                    "alarm_ids": [(6, 0, alarm.ids)],
                    "crm_reminder_ids": [
                        (0, 0, {"duration": 15, "channel": "email", "recipients": "me"})
                    ],
                }
            )
        Event.create(vals)
        env.cr.commit()  # pylint: disable=invalid-commit
        datagen._logger.info("calendar.event: %d / %d", stop, size)
    return Event.search([("name", "=like", f"{datagen.PREFIX}Event %")], order="id")


def _make_due(env, events):
    """Make the reminders (ours and Odoo's) of `events` due in the last minutes."""
    now = fields.Datetime.now()
    env.cr.execute(
        "UPDATE calendar_event SET start = %s, stop = %s WHERE id = ANY(%s)",
        (now + timedelta(minutes=10), now + timedelta(minutes=70), events.ids),
    )
    env.cr.execute(
        "UPDATE crm_event_reminder SET state = 'pending', reminder_time = %s "
        "WHERE event_id = ANY(%s)",
        (now - timedelta(minutes=5), events.ids),
    )
    env.invalidate_all()


def run(env, size):
    sizes = [n for n in SIZES if n <= size] or [size]
    every = _events(env, max(sizes)).with_env(env)  # no quiet context
    alarm_manager = env["calendar.alarm_manager"].with_context(
        lastcall=fields.Datetime.now() - timedelta(hours=1)
    )
    Reminder = env["crm.event.reminder"]
    rows = []
    # Finding due reminders, on the whole table (what the cron does each run).
    with rolled_back(env):
        Reminder._crm_lock_due(50)
        alarm_manager._get_events_by_alarm_to_notify("email")
    with rolled_back(env), measure(env) as ours:
        Reminder._crm_lock_due(50)
    with rolled_back(env), measure(env) as odoo:
        alarm_manager._get_events_by_alarm_to_notify("email")
    rows.append(
        Result(f"find due reminders ({len(every)} events)", len(every), ours, odoo)
    )

    # Sending SEND mails: ours (one per reminder line) and Odoo's (one per attendee).
    sample = every[:SEND]
    with rolled_back(env):  # warm the caches
        _make_due(env, sample[:5])
        Reminder.browse(Reminder._crm_lock_due(5))._crm_send()
        sample[:5].attendee_ids._send_mail_to_attendees(
            env.ref("calendar.calendar_template_meeting_reminder")
        )
    with rolled_back(env):
        _make_due(env, sample)
        due = Reminder.browse(Reminder._crm_lock_due(SEND))
        env.flush_all()
        with measure(env) as ours:
            due._crm_send()
        mails = env["mail.mail"].search_count(
            [
                ("model", "=", "crm.event.reminder.log"),
                ("res_id", "in", due.log_ids.ids),
            ]
        )
    with rolled_back(env):
        _make_due(env, sample)
        attendees = sample.attendee_ids
        env.flush_all()
        with measure(env) as odoo:
            attendees.with_context(
                calendar_template_ignore_recurrence=True, mail_notify_author=True
            )._send_mail_to_attendees(
                env.ref("calendar.calendar_template_meeting_reminder")
            )
    rows.append(Result(f"send {mails} reminder mails", mails, ours, odoo))
    per_mail = Result(
        "  per mail",
        1,
        type(ours)(ours.seconds / max(mails, 1), round(ours.queries / max(mails, 1))),
        type(odoo)(
            odoo.seconds / max(len(attendees), 1),
            round(odoo.queries / max(len(attendees), 1)),
        ),
    )
    rows.append(per_mail)

    # One cron run over RUN_DUE due reminders, batch by batch as the cron does (the
    # cron commits each batch; here each batch is timed instead): the longest batch
    # is the longest transaction.
    due_events = every[:RUN_DUE]
    with rolled_back(env):
        _make_due(env, due_events)
        env.flush_all()
        longest = 0.0
        with measure(env) as ours:
            while True:
                with measure(env) as batch:
                    ids = Reminder._crm_lock_due(RUN_BATCH)
                    if ids:
                        Reminder.browse(ids)._crm_send()
                longest = max(longest, batch.seconds)
                if not ids:
                    break
        print(
            f"cron run over {len(due_events)} due reminders: {ours.seconds:.1f} s, "
            f"{ours.queries} queries, batches of {RUN_BATCH}, longest batch "
            f"{longest * 1000:.0f} ms",
            flush=True,
        )
    return rows
