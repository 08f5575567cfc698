# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Generated data for the benchmarks: partners and leads (and, where a module adds
them, its own records), created through the ORM in batches, tagged so that a
second run only tops them up."""

import logging
from contextlib import closing

from odoo import sql_db

_logger = logging.getLogger("benchmarks")

QUIET = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "mail_auto_subscribe_no_notify": True,
}
BATCH = 2000
PREFIX = "bench-"


def _top_up(env, model, size, make_vals):
    """Create `model` records until `size` generated ones exist; return them all."""
    Model = env[model].with_context(**QUIET)
    existing = Model.search_count([("name", "=like", f"{PREFIX}%")])
    for start in range(existing, size, BATCH):
        stop = min(start + BATCH, size)
        Model.create([make_vals(i) for i in range(start, stop)])
        env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("%s: %d / %d", model, stop, size)
    return Model.search([("name", "=like", f"{PREFIX}%")], order="id")


def partners(env, size):
    return _top_up(
        env,
        "res.partner",
        size,
        lambda i: {
            "name": f"{PREFIX}Partner {i:07d}",
            "email": f"contact{i}@bench{i % 997}.example.com",
            "phone": f"+3314{i:07d}",
            "is_company": i % 5 == 0,
        },
    )


def leads(env, size):
    partner_ids = partners(env, max(size // 10, 1)).ids
    users = env["res.users"].search([("share", "=", False)], limit=5).ids
    return _top_up(
        env,
        "crm.lead",
        size,
        lambda i: {
            "name": f"{PREFIX}Lead {i:07d}",
            "type": "opportunity" if i % 2 else "lead",
            "partner_id": partner_ids[i % len(partner_ids)],
            "user_id": users[i % len(users)],
            "email_from": f"lead{i}@bench{i % 997}.example.com",
            "expected_revenue": (i % 100) * 100,
        },
    )


def users(env, count=2):
    """Internal sales users owned by the benchmarks (bench-rep-0, bench-rep-1, ...)."""
    Users = env["res.users"].with_context(no_reset_password=True, **QUIET)
    found = Users.search([("login", "=like", f"{PREFIX}rep-%")], order="login")
    missing = [
        i for i in range(count) if f"{PREFIX}rep-{i}" not in found.mapped("login")
    ]
    if missing:
        group = env.ref("sales_team.group_sale_salesman_all_leads")
        Users.create(
            [
                {
                    "name": f"{PREFIX}Rep {i}",
                    "login": f"{PREFIX}rep-{i}",
                    "groups_id": [(6, 0, [group.id])],
                }
                for i in missing
            ]
        )
        env.cr.commit()  # pylint: disable=invalid-commit
    return Users.search([("login", "=like", f"{PREFIX}rep-%")], order="login")[:count]


def notes(env, size):
    """CRM notes (crm_notes), on the generated partners, assigned to bench-rep-0."""
    partner_ids = partners(env, max(size // 10, 1)).ids
    owner = users(env)[0]
    env["crm.note"].flush_model()
    Note = env["crm.note"].with_context(**QUIET)
    existing = Note.search_count([("user_id", "=", owner.id)])
    for start in range(existing, size, BATCH):
        stop = min(start + BATCH, size)
        Note.create(
            [
                {
                    "partner_id": partner_ids[i % len(partner_ids)],
                    "user_id": owner.id,
                    "date_followup": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                }
                for i in range(start, stop)
            ]
        )
        env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("crm.note: %d / %d", stop, size)
    return Note.search([("user_id", "=", owner.id)], order="id")


def compact(env, *tables):
    """After bulk SQL updates, rewrite the tables (as a freshly loaded database
    has them) so that scans measure the work, not the bloat; then analyse."""
    env.cr.commit()  # pylint: disable=invalid-commit
    with closing(sql_db.db_connect(env.cr.dbname).cursor()) as cr:
        cr._cnx.autocommit = True  # VACUUM runs outside a transaction
        for table in tables:
            cr.execute(f"VACUUM FULL {table}")
            # a plain VACUUM sets the visibility map (VACUUM FULL does not), as
            # autovacuum would: index-only scans depend on it
            cr.execute(f"VACUUM ANALYZE {table}")
