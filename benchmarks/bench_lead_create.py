# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Proves the harness: creating leads through the ORM in one batch vs one by one.

Our modules create in batch (`model_create_multi`); the reference is a loop of
single creates, the way a naive import (or a per-record script) does it.
"""

from .harness import Result, measure, rolled_back

DESCRIPTION = "crm.lead: one batch create (ours) vs one create per lead (reference)"


def _vals(n, tag):
    return [
        {"name": f"bench-create {tag} {i}", "email_from": f"c{i}@example.com"}
        for i in range(n)
    ]


def run(env, size):
    n = min(size, 10000)
    Lead = env["crm.lead"].with_context(mail_create_nolog=True, tracking_disable=True)
    with rolled_back(env):  # warm the caches and the registry
        Lead.create(_vals(10, "warm"))
    with rolled_back(env), measure(env) as ours:
        Lead.create(_vals(n, "batch"))
    with rolled_back(env), measure(env) as reference:
        for vals in _vals(n, "single"):
            Lead.create(vals)
    return [Result(f"create {n} leads", n, ours, reference)]
