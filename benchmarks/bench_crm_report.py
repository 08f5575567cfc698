# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_reports_ext: the "statistics per salesperson" report of a year for 20
salespeople (issue: 100k leads, 100k events, 20k invoices, 50k calls < 5 s, a fixed
number of queries) vs the same figures through Odoo's pivot read_group, one
salesperson at a time. `size` opportunities, as many events, size/5 posted invoices,
size/2 calls, made set-based (datagen.top_up_sql: a few records per shape through the
ORM, the rest SQL copies of them); both ways must give the same figures.
"""

from datetime import timedelta

from odoo import Command, fields
from odoo.tools import SQL

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = "crm.report statistics per salesperson vs per-salesperson read_group"
SALESPEOPLE = 20


YEAR_START = "date_trunc('year', now() AT TIME ZONE 'UTC')"


def _leads(env, size, reps):
    """`size` opportunities of the year for the reps: one ORM template per shape
    (won, lost, then each open stage), the rest SQL copies of them."""
    stages = env["crm.stage"].search([], order="sequence")
    won = stages.filtered("is_won")[:1]
    open_stages = stages - won
    Lead = env["crm.lead"].with_context(datagen.QUIET)
    # won and lost through Odoo's buttons (they set the closing date)
    shapes = [("won", open_stages[:1]), ("lost", open_stages[:1])]
    shapes += [("open", stage) for stage in open_stages]

    def make_templates(start, stop):
        for i in range(start, stop):
            shape, stage = shapes[i]
            lead = Lead.create(
                {
                    "name": f"{datagen.PREFIX}RepLead {i:07d}",
                    "type": "opportunity",
                    "user_id": reps[i // 7 % len(reps)].id,
                    "stage_id": stage.id,
                    "expected_revenue": (i % 100) * 100,
                }
            )
            if shape == "won":
                lead.action_set_won()
            elif shape == "lost":
                lead.action_set_lost()

    created = (
        f"{YEAR_START} + mod(i, 360) * '1 day'::interval"
        " + mod(i, 600) * '1 min'::interval"
    )
    closed = f"{created} + mod(i, 30) * '1 day'::interval"
    closed = f"LEAST({closed}, {YEAR_START} + '364 days'::interval)"

    def when(column, value):
        return f"CASE WHEN t.{column} IS NOT NULL THEN {value} END"

    datagen.top_up_sql(
        env,
        "crm.lead",
        [("name", "=like", f"{datagen.PREFIX}RepLead %")],
        size,
        len(shapes),
        make_templates,
        {
            "name": f"'{datagen.PREFIX}RepLead ' || lpad(i::text, 7, '0')",
            "user_id": SQL("(%s::int[])[1 + mod(i / 7, %s)]", reps.ids, len(reps)),
            "expected_revenue": "mod(i, 100) * 100",
            "prorated_revenue": "round((mod(i, 100) * t.probability)::numeric, 2)",
            "create_date": created,
            "write_date": created,
            "date_open": when("date_open", created),
            "date_last_stage_update": when("date_last_stage_update", created),
            "date_conversion": when("date_conversion", created),
            "lead_status_date": when("lead_status_date", created),
            "opportunity_status_date": when("opportunity_status_date", created),
            "date_closed": when("date_closed", closed),
            "date_deadline": f"({created})::date + 30",
        },
    )


def _events(env, size, reps):
    """`size` events over the year for the reps, one ORM template per kind."""
    Event = env["calendar.event"].with_context(
        datagen.QUIET, dont_notify=True, no_mail_to_attendees=True
    )
    base = fields.Datetime.now().replace(month=1, day=1, hour=8, minute=0, second=0)
    kinds = [k for k, _l in Event._fields["crm_event_kind"].selection]

    def make_templates(start, stop):
        Event.create(
            [
                {
                    "name": f"{datagen.PREFIX}RepEvent {i:07d}",
                    "start": base + timedelta(hours=i * 7),
                    "stop": base + timedelta(hours=i * 7 + 1 + i % 2),
                    "user_id": reps[i // 7 % len(reps)].id,
                    "crm_event_kind": kinds[i % len(kinds)],
                    "partner_ids": [Command.set([])],
                }
                for i in range(start, stop)
            ]
        )

    start = (
        f"{YEAR_START} + '8 hours'::interval"
        " + mod(i * 7, 360 * 24) * '1 hour'::interval"
    )
    datagen.top_up_sql(
        env,
        "calendar.event",
        [("name", "=like", f"{datagen.PREFIX}RepEvent %")],
        size,
        len(kinds) * 2,
        make_templates,
        {
            "name": f"'{datagen.PREFIX}RepEvent ' || lpad(i::text, 7, '0')",
            "user_id": SQL("(%s::int[])[1 + mod(i / 7, %s)]", reps.ids, len(reps)),
            "start": start,
            "stop": f"{start} + (t.stop - t.start)",
            "create_date": start,
            "write_date": start,
        },
    )


def _invoices(env, size, reps):
    """`size` posted customer invoices of the year: one ORM template (created and
    posted), the rest SQL copies of the move and its lines, numbered after the
    journal's last number, amounts i % 50 + 1 times the template's."""
    Move = env["account.move"].with_context(datagen.QUIET)
    tag = [("ref", "=like", f"{datagen.PREFIX}report %")]
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1
    )
    year_start = fields.Date.today().replace(month=1, day=1)

    def make_template(i):
        """Invoice i through the ORM, posted: 10.00 untaxed (a copy's amounts
        are whole multiples of it, so every rounding stays exact)."""
        partner = datagen.partners(env, 1)[0]
        Move.create(
            {
                "move_type": "out_invoice",
                "journal_id": journal.id,
                "ref": f"{datagen.PREFIX}report {i:07d}",
                "partner_id": partner.id,
                "invoice_user_id": reps[i // 7 % len(reps)].id,
                "invoice_date": year_start + timedelta(days=i % 300),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "bench",
                            "price_unit": 10.0,
                            "tax_ids": [Command.set([])],
                            "account_id": journal.default_account_id.id,
                        }
                    )
                ],
            }
        ).action_post()

    env.flush_all()
    existing = Move.search_count(tag)
    if existing >= size:
        return
    template_domain = tag + [
        ("state", "=", "posted"),
        ("amount_untaxed", "=", 10.0),
        ("amount_tax", "=", 0.0),
    ]
    template = Move.search(template_domain, order="id", limit=1)
    if not template:
        # a database topped up before has invoices of another shape: add one
        make_template(existing)
        env.flush_all()
        env.cr.commit()  # pylint: disable=invalid-commit
        existing += 1
        template = Move.search(template_domain, order="id", limit=1)
    env.cr.execute(
        "SELECT max(sequence_number) FROM account_move"
        " WHERE journal_id = %s AND sequence_prefix = %s",
        [template.journal_id.id, template.sequence_prefix],
    )
    last_number = env.cr.fetchone()[0]
    digits = len(template.name) - len(template.sequence_prefix)
    money = {
        "account_move": [
            "amount_untaxed",
            "amount_tax",
            "amount_total",
            "amount_residual",
            "amount_untaxed_signed",
            "amount_untaxed_in_currency_signed",
            "amount_tax_signed",
            "amount_total_signed",
            "amount_total_in_currency_signed",
            "amount_residual_signed",
        ],
        "account_move_line": [
            "debit",
            "credit",
            "balance",
            "amount_currency",
            "tax_base_amount",
            "amount_residual",
            "amount_residual_currency",
            "price_unit",
            "price_subtotal",
            "price_total",
        ],
    }
    invoice_date = "%s::date + mod(i, 300)"
    for begin in range(existing, size, datagen.SQL_CHUNK):
        end = min(begin + datagen.SQL_CHUNK, size)
        number = SQL("%s + 1 + i - %s", last_number, existing)
        name = SQL("t.sequence_prefix || lpad((%s)::text, %s, '0')", number, digits)
        factor = "(mod(i, 50) + 1)"
        moves = datagen.insert_select(
            env,
            "account_move",
            SQL(
                "generate_series(%s, %s) AS i JOIN account_move t ON t.id = %s",
                begin,
                end - 1,
                template.id,
            ),
            {
                "ref": f"'{datagen.PREFIX}report ' || lpad(i::text, 7, '0')",
                "name": name,
                "sequence_number": number,
                "payment_reference": SQL(
                    "CASE WHEN t.payment_reference IS NOT NULL THEN %s END", name
                ),
                "invoice_user_id": SQL(
                    "(%s::int[])[1 + mod(i / 7, %s)]", reps.ids, len(reps)
                ),
                "invoice_date": SQL(invoice_date, year_start),
                "date": SQL(invoice_date, year_start),
                "invoice_date_due": SQL(
                    f"{invoice_date} + (t.invoice_date_due - t.invoice_date)",
                    year_start,
                ),
                "create_date": SQL(invoice_date, year_start),
                "write_date": SQL(invoice_date, year_start),
                **{col: f"t.{col} * {factor}" for col in money["account_move"]},
            },
            returning="id",
        )
        first_id = min(row[0] for row in moves)
        # the new moves' statistics, as autovacuum would have them: without, a
        # planner that saw an empty table joins them to their lines row by row
        env.cr.execute("ANALYZE account_move")
        datagen.insert_select(
            env,
            "account_move_line",
            SQL(
                "account_move m JOIN account_move tm ON tm.id = %s"
                " JOIN account_move_line t ON t.move_id = tm.id"
                " WHERE m.id >= %s AND m.ref LIKE %s",
                template.id,
                first_id,
                f"{datagen.PREFIX}report %",
            ),
            {
                "move_id": "m.id",
                "move_name": "m.name",
                "ref": "m.ref",
                "date": "m.date",
                "invoice_date": "m.invoice_date",
                "date_maturity": "CASE WHEN t.date_maturity IS NOT NULL"
                " THEN m.invoice_date_due END",
                "create_date": "m.create_date",
                "write_date": "m.write_date",
                **{
                    col: f"t.{col} * round(m.amount_untaxed / tm.amount_untaxed)"
                    for col in money["account_move_line"]
                },
            },
        )
        env.cr.commit()  # pylint: disable=invalid-commit
        datagen._logger.info("account.move: %d / %d (SQL)", end, size)
    datagen.compact(env, "account_move", "account_move_line")
    env.invalidate_all()


def _calls(env, size, reps):
    """`size` outbound calls over the year, one ORM template, the rest SQL copies."""
    Call = env["crm.voip.call"].with_context(datagen.QUIET)
    base = fields.Datetime.now().replace(month=1, day=1, hour=8, minute=0, second=0)

    def make_templates(start, stop):
        calls = Call.create(
            [
                {
                    "direction": "outbound",
                    "from_number": "+33100000000",
                    "to_number": f"+3361{i:07d}",
                    "external_number": f"+3361{i:07d}",
                    "user_id": reps[i // 7 % len(reps)].id,
                    "date_start": base + timedelta(minutes=(i * 13) % (360 * 1440)),
                }
                for i in range(start, stop)
            ]
        )
        # the duration comes from Twilio's status callbacks
        for call in calls:
            call.duration = 30

    number = "'+3361' || lpad(i::text, 7, '0')"
    start = (
        f"{YEAR_START} + '8 hours'::interval"
        " + mod(i * 13, 360 * 1440) * '1 min'::interval"
    )
    datagen.top_up_sql(
        env,
        "crm.voip.call",
        [("from_number", "=", "+33100000000")],
        size,
        1,
        make_templates,
        {
            "to_number": number,
            "external_number": number,
            # "Call to <number>" (older templates had no number)
            "name": "left(t.name, length(t.name)"
            f" - length(coalesce(t.external_number, ''))) || {number}",
            "user_id": SQL("(%s::int[])[1 + mod(i / 7, %s)]", reps.ids, len(reps)),
            "date_start": start,
            "duration": "30 + mod(i, 600)",
            "create_date": start,
            "write_date": start,
        },
    )


def _pivot_one_by_one(env, report):
    """What a user gets from Odoo's pivots (their `read_group`, lazy=False), each
    section's filters for one salesperson at a time: the report's figures, as
    {(section, user id, category, currency id): figures}."""
    company = report.company_id
    start, stop = report._datetime_bounds()
    period = [("create_date", ">=", start), ("create_date", "<", stop)]
    closed = [("date_closed", ">=", start), ("date_closed", "<", stop)]
    Lead = env["crm.lead"]
    Event = env["calendar.event"]
    kinds = dict(Event._fields["crm_event_kind"]._description_selection(env))
    types = {"out_invoice": env._("Invoices"), "out_refund": env._("Credit notes")}
    figures = {}
    for user in report.salesperson_ids:
        mine = [
            ("type", "=", "opportunity"),
            ("company_id", "in", [company.id, False]),
            ("user_id", "=", user.id),
        ]
        opportunities = {}
        for (group,) in [
            Lead.read_group(mine + period, ["expected_revenue:sum"], [], lazy=False)
        ]:
            opportunities.update(
                count=group["__count"], amount=group["expected_revenue"] or 0.0
            )
        for group in Lead.read_group(
            mine + [("stage_id.is_won", "=", True)] + closed,
            ["expected_revenue:sum"],
            [],
            lazy=False,
        ):
            opportunities.update(
                won_count=group["__count"], won_amount=group["expected_revenue"] or 0.0
            )
        for group in Lead.with_context(active_test=False).read_group(
            mine + [("active", "=", False), ("probability", "=", 0)] + closed,
            [],
            [],
            lazy=False,
        ):
            opportunities.update(lost_count=group["__count"])
        figures[("opportunities", user.id, None, None)] = opportunities
        for group in env["res.partner"].read_group(
            [("company_id", "in", [company.id, False]), ("user_id", "=", user.id)]
            + period,
            [],
            [],
            lazy=False,
        ):
            if group["__count"]:
                figures[("contacts", user.id, None, None)] = {"count": group["__count"]}
        for group in Event.read_group(
            [("user_id", "=", user.id), ("start", ">=", start), ("start", "<", stop)],
            ["duration:sum"],
            ["crm_event_kind"],
            lazy=False,
        ):
            kind = group["crm_event_kind"]
            figures[("events", user.id, kinds.get(kind, kind), None)] = {
                "count": group["__count"],
                "duration": group["duration"],
            }
        for group in env["account.move"].read_group(
            [
                ("company_id", "=", company.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                ("invoice_user_id", "=", user.id),
                ("invoice_date", ">=", report.date_from),
                ("invoice_date", "<=", report.date_to),
            ],
            ["amount_untaxed:sum"],
            ["currency_id", "move_type"],
            lazy=False,
        ):
            sign = -1 if group["move_type"] == "out_refund" else 1
            currency = group["currency_id"][0]
            key = ("invoices", user.id, types[group["move_type"]], currency)
            figures[key] = {
                "count": group["__count"],
                "original_amount": sign * group["amount_untaxed"],
            }
        calls = {}
        for group in env["crm.voip.call"].read_group(
            [
                ("company_id", "=", company.id),
                ("user_id", "=", user.id),
                ("date_start", ">=", start),
                ("date_start", "<", stop),
            ],
            ["duration:sum", "price:sum"],
            ["currency_id"],
            lazy=False,
        ):
            currency = env["res.currency"].browse(
                group["currency_id"] and group["currency_id"][0]
            )
            calls["count"] = calls.get("count", 0) + group["__count"]
            calls["duration"] = calls.get("duration", 0.0) + group["duration"] / 3600
            calls["amount"] = calls.get("amount", 0.0) + report._convert(
                group["price"] or 0.0, currency
            )
        if calls:
            figures[("calls", user.id, None, None)] = calls
    return figures


def _report_figures(vals_list):
    """The report's lines as _pivot_one_by_one gives them."""
    keys = {
        "opportunities": ["count", "amount", "won_count", "won_amount", "lost_count"],
        "contacts": ["count"],
        "events": ["count", "duration"],
        "invoices": ["count", "original_amount"],
        "calls": ["count", "duration", "amount"],
    }
    figures = {}
    for vals in vals_list:
        section = vals["section"]
        key = (
            section,
            vals["user_id"],
            vals.get("category") if section in ("events", "invoices") else None,
            vals.get("original_currency_id"),
        )
        figures[key] = {k: vals.get(k, 0) for k in keys[section]}
    return figures


def _assert_same(ours, pivots):
    """Both ways give the same figures (amounts to the cent, hours to 1/100)."""

    def rounded(figures):
        return {
            key: rounded_values
            for key, values in figures.items()
            if (rounded_values := {k: round(v, 2) for k, v in values.items() if v})
        }

    ours, pivots = rounded(ours), rounded(pivots)
    if ours != pivots:
        diff = {
            key: (ours.get(key), pivots.get(key))
            for key in ours.keys() | pivots.keys()
            if ours.get(key) != pivots.get(key)
        }
        raise AssertionError(f"the report and the pivots differ: {diff}")


def _volumes(env, report):
    """What the report was generated over: the year's records of the reps."""
    start, stop = report._datetime_bounds()
    reps = report.salesperson_ids.ids
    return {
        "opportunities": env["crm.lead"]
        .with_context(active_test=False)
        .search_count(
            [("type", "=", "opportunity"), ("user_id", "in", reps)]
            + [("create_date", ">=", start), ("create_date", "<", stop)]
        ),
        "events": env["calendar.event"].search_count(
            [("user_id", "in", reps), ("start", ">=", start), ("start", "<", stop)]
        ),
        "invoices": env["account.move"].search_count(
            [
                ("state", "=", "posted"),
                ("invoice_user_id", "in", reps),
                ("invoice_date", ">=", report.date_from),
                ("invoice_date", "<=", report.date_to),
            ]
        ),
        "calls": env["crm.voip.call"].search_count(
            [
                ("user_id", "in", reps),
                ("date_start", ">=", start),
                ("date_start", "<", stop),
            ]
        ),
    }


def run(env, size):
    reps = datagen.users(env, SALESPEOPLE)
    generation = {}
    for what, make, n in [
        ("opportunities", _leads, size),
        ("events", _events, size),
        ("invoices", _invoices, size // 5),
        ("calls", _calls, size // 2),
    ]:
        with measure(env) as generation[what]:
            make(env, n, reps)
        datagen._logger.info(
            "%s: %d ready in %.1f s, %d queries",
            what,
            n,
            generation[what].seconds,
            generation[what].queries,
        )
    rows = []
    with rolled_back(env):
        report = env["crm.report"].create(
            {
                "report_type": "salesperson",
                "period": "this_year",
                "user_scope": "users",
                "salesperson_ids": [Command.set(reps.ids)],
            }
        )
        print(
            "  over "
            + ", ".join(f"{n} {what}" for what, n in _volumes(env, report).items())
            + f" of {len(reps)} salespeople in {report.date_from:%Y}",
            flush=True,
        )
        _assert_same(
            _report_figures(report._compute_lines()), _pivot_one_by_one(env, report)
        )
        for _warm in range(2):
            report.action_generate()
            _pivot_one_by_one(env, report)
        env.invalidate_all()
        with measure(env) as ours:
            report.action_generate()
        env.invalidate_all()
        with measure(env) as odoo:
            pivots = _pivot_one_by_one(env, report)
        rows.append(
            Result(
                f"salesperson report, {SALESPEOPLE} reps, whole generation",
                size,
                ours,
                odoo,
            )
        )
        env.invalidate_all()
        with measure(env) as ours:
            vals_list = report._compute_lines()
        env.invalidate_all()
        with measure(env) as odoo:
            _pivot_one_by_one(env, report)
        rows.append(Result("  its figures only (grouped reads)", size, ours, odoo))
        _assert_same(_report_figures(vals_list), pivots)
        print("  the report's figures equal the pivots' ones", flush=True)
    return rows
