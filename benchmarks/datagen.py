# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Generated data for the benchmarks: partners and leads (and, where a module adds
them, its own records), created through the ORM in batches, or for large volumes
as SQL copies of a few ORM-made templates (top_up_sql), tagged so that a second run
only tops them up."""

import logging
from contextlib import closing

from odoo import sql_db
from odoo.tools import SQL

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


# ----------------------------------------------------------------------
# Set-based generation: large volumes in a few queries
# ----------------------------------------------------------------------
# Creating 100,000 records through the ORM takes most of an hour on the shared
# machine. For volumes, the first few records of a kind (the templates) are made
# by the ORM, so that every column holds what Odoo writes (defaults, computed
# stored fields, NOT NULL columns, the modules' own columns); the rest are copies
# of them made by one INSERT ... SELECT ... FROM generate_series(...) per chunk,
# overriding the columns that vary (name, owner, dates, amounts). Only the
# table's own rows are copied: no followers, messages, activities or attendees
# (the ORM templates are created quietly and without attendees, so they have
# none either).
SQL_CHUNK = 50000


def table_columns(env, table):
    """The columns of `table`, in order."""
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = %s"
        " ORDER BY ordinal_position",
        [table],
    )
    return [name for (name,) in env.cr.fetchall()]


def _sql(value):
    return value if isinstance(value, SQL) else SQL(value)


def insert_select(env, table, from_clause, overrides, returning=None):
    """INSERT INTO `table` every column but id, each taken from the row `t` of
    `from_clause` unless `overrides` gives its SQL expression; one query.
    `from_clause` (an SQL) must bind the template row as `t`."""
    columns = [c for c in table_columns(env, table) if c != "id"]
    unknown = set(overrides) - set(columns)
    if unknown:
        raise ValueError(f"{table} has no column(s) {sorted(unknown)}")
    query = SQL(
        "INSERT INTO %s (%s) SELECT %s FROM %s",
        SQL.identifier(table),
        SQL(", ").join(SQL.identifier(c) for c in columns),
        SQL(", ").join(
            _sql(overrides[c]) if c in overrides else SQL("t.%s", SQL.identifier(c))
            for c in columns
        ),
        from_clause,
    )
    if returning:
        query = SQL("%s RETURNING %s", query, SQL(returning))
    env.cr.execute(query)
    return env.cr.fetchall() if returning else env.cr.rowcount


def clone_series(env, table, template_ids, start, stop, overrides):
    """Rows i = start .. stop - 1 of `table`, row i a copy of
    template_ids[i % len(template_ids)] with `overrides` ({column: SQL expression
    of `i` and of the template row `t`}); one INSERT ... SELECT per SQL_CHUNK rows,
    each committed."""
    for begin in range(start, stop, SQL_CHUNK):
        end = min(begin + SQL_CHUNK, stop)
        insert_select(
            env,
            table,
            SQL(
                "generate_series(%s, %s) AS i"
                " JOIN %s t ON t.id = (%s::int[])[1 + mod(i, %s)]",
                begin,
                end - 1,
                SQL.identifier(table),
                list(template_ids),
                len(template_ids),
            ),
            overrides,
        )
        env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("%s: %d / %d (SQL)", table, end, stop)


def top_up_sql(env, model, tag_domain, size, n_templates, make_templates, overrides):
    """`size` generated records of `model` (those matching `tag_domain`, in id
    order): records 0 .. n_templates - 1 are created by the ORM
    (`make_templates(start, stop)`), the rest are SQL copies of them (see
    clone_series). The ORM cache is invalidated (rows written behind its back)."""
    Model = env[model].with_context(active_test=False)
    env.flush_all()
    existing = Model.search_count(tag_domain)
    if existing < min(n_templates, size):
        make_templates(existing, min(n_templates, size))
        env.flush_all()
        env.cr.commit()  # pylint: disable=invalid-commit
        existing = Model.search_count(tag_domain)
    if existing < size:
        templates = Model.search(tag_domain, order="id", limit=n_templates)
        clone_series(env, Model._table, templates.ids, existing, size, overrides)
        compact(env, Model._table)
    env.invalidate_all()
