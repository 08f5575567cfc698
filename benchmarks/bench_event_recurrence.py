# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_events_reminders: recurrence assistant, "all events" edits (performance.md §4).

A weekly series (Mondays) over five years: 261 occurrences of a one-hour meeting with
the organiser, three attendees and an Odoo email alarm.

- Ours: the recurrence assistant (`crm.event.recurrence.wizard.action_apply`) on an
  event that also carries one of our reminders; core's `calendar.recurrence`
  materialises the occurrences and each gets its own reminder line (set-based).
- Odoo's way: the event form's own recurrence fields written on the same kind of event,
  without our reminder (so the difference is what our module adds).
- Then, on each series, "all events" edits as Odoo's form does them
  (`recurrence_update='all_events'`): a rename, and a time shift of one hour (core
  archives and recreates the series; our reminder lines are re-armed).

Invitations are not mailed (`no_mail_to_attendees`), as in the anchor's second figure.
Targets: create < 1 s and <= 200 queries; rename <= 20 queries whatever the size; time
shift <= 1.5 s.
"""

from datetime import datetime, timedelta

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = (
    "crm.event.recurrence.wizard: weekly series over 5 years, create and edit all "
    "(ours, with our reminders) vs Odoo's recurrence fields"
)
YEARS = 5


def _event(env, name, ours):
    alarm = env.ref("calendar.alarm_mail_1", raise_if_not_found=False) or env[
        "calendar.alarm"
    ].search([("alarm_type", "=", "email")], limit=1)
    rep = datagen.users(env)[0]
    partners = datagen.partners(env, 3)[:3]
    start = datetime(2027, 1, 4, 9, 0)  # a Monday
    values = {
        "name": name,
        "start": start,
        "stop": start + timedelta(hours=1),
        "user_id": rep.id,
        "partner_ids": [(6, 0, (rep.partner_id | partners).ids)],
        "alarm_ids": [(6, 0, alarm.ids)],
    }
    if ours:
        values["crm_reminder_ids"] = [
            (0, 0, {"duration": 1, "duration_unit": "days", "channel": "email"})
        ]
    # only the reminder above: not the user's default one
    Event = env["calendar.event"].with_context(crm_events_no_default_reminder=True)
    return Event.create(values)


def _until(event):
    return (event.start + timedelta(days=365 * YEARS)).date()


def _ours(env, event):
    wizard = env["crm.event.recurrence.wizard"].create(
        {
            "event_id": event.id,
            "rrule_type": "weekly",
            "interval": 1,
            "mon": True,
            "end_type": "end_date",
            "until": _until(event),
        }
    )
    wizard.action_apply()


def _odoo_way(env, event):
    event.write(
        {
            "recurrency": True,
            "rrule_type": "weekly",
            "interval": 1,
            "mon": True,
            "end_type": "end_date",
            "until": _until(event),
            "event_tz": "Europe/Paris",
        }
    )


def _edit_all(series, values):
    first = series.sorted("start")[0]
    first.write(dict(values, recurrence_update="all_events"))


def _side(env, ours):
    """Create, rename, shift one series, each measured; in a transaction of its own."""
    label = "ours" if ours else "Odoo"
    with rolled_back(env):
        event = _event(env, f"Weekly meeting ({label})", ours)
        env.flush_all()
        with measure(env) as create:
            (_ours if ours else _odoo_way)(env, event)
        series = event.recurrence_id.calendar_event_ids
        if ours:
            reminders = env["crm.event.reminder"].search_count(
                [("event_id", "in", series.ids)]
            )
            assert reminders == len(series), (reminders, len(series))
        with measure(env) as rename:
            _edit_all(series, {"name": f"Weekly meeting ({label}, renamed)"})
        first = series.sorted("start")[0]
        with measure(env) as shift:
            _edit_all(
                series,
                {
                    "start": first.start + timedelta(hours=1),
                    "stop": first.stop + timedelta(hours=1),
                },
            )
        # core archived and recreated the series: its live events
        shifted = env["calendar.event"].search(
            [("name", "=", f"Weekly meeting ({label}, renamed)")]
        )
        assert len(shifted) == len(series), (len(shifted), len(series))
        if ours:  # our reminder lines followed the new events
            pending = env["crm.event.reminder"].search_count(
                [("event_id", "in", shifted.ids), ("state", "=", "pending")]
            )
            assert pending == len(shifted), (pending, len(shifted))
    return len(series), create, rename, shift


def run(env, size):  # noqa: ARG001 - the series has a fixed size
    env = env(context=dict(env.context, no_mail_to_attendees=True, tz="Europe/Paris"))
    _side(env, True)  # warm the caches
    _side(env, False)
    n, *ours = _side(env, True)
    n_odoo, *odoo = _side(env, False)
    assert n == n_odoo == 261, (n, n_odoo)
    names = (
        f"create a weekly series ({n} events)",
        f"rename all events ({n})",
        f"shift all events by 1 h ({n})",
    )
    return [
        Result(name, n, ours_measure, odoo_measure)
        for name, ours_measure, odoo_measure in zip(names, ours, odoo, strict=True)
    ]
