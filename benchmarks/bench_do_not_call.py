# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_leads_ext "Do not call" filter on leads, with 1,000 numbers on the blacklist.

Ours: `crm_do_not_call = True`: the blacklist read, then the stored E.164 phone and
mobile (two indexed columns) compared with it. Odoo's way: its own filter on
`phone_sanitized_blacklisted` (mail.thread.phone), which reads the blacklist too, then
matches the single stored `phone_sanitized` (mobile, else phone): it misses a
blacklisted phone when the lead also has a mobile.
Both must find the same leads here (the generated leads have a phone, no mobile).
"""

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = "crm.lead: 'Do not call' filter vs Odoo's phone_sanitized_blacklisted"
SIZES = (1000, 10000, 100000)
BLACKLISTED = 1000


def run(env, size):
    sizes = [n for n in SIZES if n <= size] or [size]
    every = datagen.leads(env, max(sizes)).with_env(env)
    Lead = env["crm.lead"]
    rows = []
    for n in sizes:
        leads = every[:n]
        with rolled_back(env):
            # every n/1000-th lead's number goes on the blacklist
            step = max(n // BLACKLISTED, 1)
            env.cr.execute(
                "INSERT INTO phone_blacklist (number, active) "
                "SELECT DISTINCT crm_phone_sanitized, true FROM crm_lead "
                "WHERE id = ANY(%s) AND crm_phone_sanitized IS NOT NULL",
                (leads.ids[::step],),
            )
            env.invalidate_all()
            scope = [("id", ">=", leads[0].id), ("id", "<=", leads[-1].id)]
            Lead.search(scope + [("crm_do_not_call", "=", True)])  # warm
            Lead.search(scope + [("phone_sanitized_blacklisted", "=", True)])
            with measure(env) as ours:
                found = Lead.search(scope + [("crm_do_not_call", "=", True)])
            with measure(env) as odoo:
                expected = Lead.search(
                    scope + [("phone_sanitized_blacklisted", "=", True)]
                )
            assert found == expected and found, (len(found), len(expected))
        rows.append(
            Result(f"do-not-call leads among {n} ({len(found)} found)", n, ours, odoo)
        )
    return rows
