# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_notes bulk reassignment (issue: 100k notes < 5 s, <= N/1000 + 20 queries).

Ours: `crm.note._reassign`, one set-based statement per 10k notes that also writes
one chatter message with Odoo's tracking values per note, then one summary
notification. Odoo's way: the ORM write of `user_id` with mail.thread tracking
(one tracking message per record at pre-commit) and its per-record
"you have been assigned" notification.
"""

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = "crm.note: bulk reassignment (ours) vs tracked ORM write (Odoo's way)"
SIZES = (1000, 10000, 100000)
# Odoo's way is measured up to this size; beyond, it is extrapolated linearly.
ODOO_MAX = 10000


def _odoo_way(env, notes, user):
    notes.write({"user_id": user.id})
    env.flush_all()
    env.cr.precommit.run()  # tracking messages are written at pre-commit


def run(env, size):
    sizes = [n for n in SIZES if n <= size] or [size]
    every = datagen.notes(env, max(sizes)).with_env(env)  # no quiet context
    new_user = datagen.users(env)[1]
    with rolled_back(env):  # warm the caches (ours, then Odoo's way)
        every[:10].with_context(crm_notes_reassign_no_commit=True)._reassign(new_user)
        _odoo_way(env, every[10:20], new_user)
    rows = []
    odoo_per_note = None
    for n in sizes:
        notes = every[:n]
        with rolled_back(env), measure(env) as ours:
            moved, _refusals = notes.with_context(
                crm_notes_reassign_no_commit=True
            )._reassign(new_user)
        assert moved == n, (moved, n)
        if n <= ODOO_MAX:
            with rolled_back(env), measure(env) as odoo:
                _odoo_way(env, notes, new_user)
            odoo_per_note = (odoo.seconds / n, odoo.queries / n)
            name = f"reassign {n} notes"
        else:
            odoo = type(ours)(odoo_per_note[0] * n, round(odoo_per_note[1] * n))
            name = f"reassign {n} notes (Odoo extrapolated)"
        rows.append(Result(name, n, ours, odoo))
    return rows
