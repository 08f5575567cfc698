# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Install into an existing database: what installing our modules costs on the leads
already there (issue 19: 100,000 existing leads), next to what Odoo pays itself when
an app adds a stored computed field on crm.lead (Odoo computes it for every existing
row at install, as it does ours).

- the status init of crm_leads_ext's post_init_hook (every existing lead and
  opportunity gets its status): set-based, its query count does not grow with the
  leads (a few statements per company and role), against Odoo's install-time
  computation of one of its own stored computed fields (``email_domain_criterion``);
- the stored computed fields our modules add on crm.lead, computed at install for
  every existing row, against the same for Odoo's ``phone_sanitized``.

Both run in a savepoint rolled back: the database is left as it was.

Figures on 100,044 leads (2 shared cores, loaded machine, 2026-11-30):

    status init          ours 42.9 s,     4 queries   Odoo 55.2 s, 1,102 queries  1.3x
    stored computes (10) ours 51.0 s,   115 queries   Odoo 29.6 s,   115 queries  0.6x

The status init was 42.9 s and 1,018 queries through the ORM (one write per company
and role): the time is PostgreSQL's (every row rewritten with its indexes), the
queries no longer grow with the leads. Our ten stored computed fields (duplicate
keys, sanitized phones, E.164 numbers, statuses) cost 1.7 times one of Odoo's.
"""

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = "install on existing leads: status init, our stored computes vs Odoo's"
OURS = (
    "crm_leads_ext",
    "crm_events_reminders",
    "crm_notes",
    "crm_invoicing_ext",
    "crm_voip",
)


def _our_stored_computes(env):
    """crm.lead's stored computed fields added by our modules (computed at install)."""
    return [
        field
        for field in env["crm.lead"]._fields.values()
        if field.store and field.compute and getattr(field, "_module", None) in OURS
    ]


def _install_compute(env, fields, records):
    """What Odoo does at install for a new stored computed column: every existing
    row marked to compute, then flushed."""
    for field in fields:
        env.add_to_compute(field, records)
    env.flush_all()


def run(env, size):
    datagen.leads(env, size)
    everything = env["crm.lead"].with_context(active_test=False).search([])
    n = len(everything)
    rows = []
    # 1. the status init: the existing records without a status, as at install
    with rolled_back(env):
        env.cr.execute(
            "UPDATE crm_lead SET lead_status_id = NULL, opportunity_status_id = NULL"
        )
        env.invalidate_all()
        with measure(env) as ours:
            env["crm.lead"]._crm_lead_status_init()
        env.cr.execute(
            "SELECT count(*) FROM crm_lead"
            " WHERE (type = 'lead' AND lead_status_id IS NULL)"
            " OR (type = 'opportunity' AND opportunity_status_id IS NULL)"
        )
        missing = env.cr.fetchone()[0]
        assert not missing, f"{missing} leads left without a status"
    with rolled_back(env):
        env.invalidate_all()
        with measure(env) as odoo:
            _install_compute(
                env, [env["crm.lead"]._fields["email_domain_criterion"]], everything
            )
    rows.append(Result(f"status init, {n} existing leads", n, ours, odoo))
    # 2. our stored computed fields on crm.lead, computed for every existing row
    fields = _our_stored_computes(env)
    with rolled_back(env):
        env.invalidate_all()
        with measure(env) as ours:
            _install_compute(env, fields, everything)
    with rolled_back(env):
        env.invalidate_all()
        with measure(env) as odoo:
            _install_compute(
                env, [env["crm.lead"]._fields["phone_sanitized"]], everything
            )
    names = ", ".join(sorted(f.name for f in fields)) or "none"
    rows.append(Result(f"stored computes ({names})", n, ours, odoo))
    return rows
