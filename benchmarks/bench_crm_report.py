# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_reports_ext: the "statistics per salesperson" report of a year for 20
salespeople (issue: 100k leads, 100k events, 20k invoices, 50k calls < 5 s, a fixed
number of queries) vs the same figures through Odoo's pivot read_group, one
salesperson at a time. `size` leads, as many events, size/5 invoices, size/2 calls.
"""

from datetime import timedelta

from odoo import Command, fields

from . import datagen
from .harness import Result, measure, rolled_back

DESCRIPTION = "crm.report statistics per salesperson vs per-salesperson read_group"
SALESPEOPLE = 20
BATCH = 2000


def _spread(env, leads, reps):
    """Generated leads: opportunities over the year, the 20 reps, some won/lost."""
    stages = env["crm.stage"].search([], order="sequence")
    won = stages.filtered("is_won")[:1]
    open_stages = stages - won
    env.cr.execute(
        """
        UPDATE crm_lead l
           SET type = 'opportunity',
               user_id = (%(reps)s::int[])[1 + l.id %% %(nreps)s],
               stage_id = CASE WHEN l.id %% 7 = 0 THEN %(won)s
                               ELSE (%(stages)s::int[])[1 + l.id %% %(nstages)s] END,
               probability = CASE WHEN l.id %% 7 = 0 THEN 100 ELSE 10 + l.id %% 80 END,
               create_date = date_trunc('year', now()) + (l.id %% 360) * '1d'::interval,
               date_deadline = date_trunc('year', now())::date + (l.id %% 365),
               date_closed = CASE WHEN l.id %% 7 = 0
                   THEN date_trunc('year', now()) + (l.id %% 360) * '1d'::interval END
         WHERE l.id = ANY(%(ids)s)
        """,
        {
            "reps": reps.ids,
            "nreps": len(reps),
            "won": won.id,
            "stages": open_stages.ids,
            "nstages": len(open_stages),
            "ids": leads.ids,
        },
    )
    env.cr.execute(
        "UPDATE crm_lead SET prorated_revenue"
        " = round((expected_revenue * probability / 100.0)::numeric, 2)"
        " WHERE id = ANY(%s)",
        [leads.ids],
    )
    datagen.compact(env, "crm_lead")
    env.invalidate_all()


def _events(env, size, reps):
    Event = env["calendar.event"].with_context(
        datagen.QUIET, dont_notify=True, no_mail_to_attendees=True
    )
    existing = Event.search_count([("name", "=like", f"{datagen.PREFIX}RepEvent %")])
    base = fields.Datetime.now().replace(month=1, day=1, hour=8, minute=0, second=0)
    kinds = [k for k, _l in Event._fields["crm_event_kind"].selection]
    for start in range(existing, size, BATCH):
        stop = min(start + BATCH, size)
        Event.create(
            [
                {
                    "name": f"{datagen.PREFIX}RepEvent {i:07d}",
                    "start": base + timedelta(hours=(i * 7) % (360 * 24)),
                    "stop": base + timedelta(hours=(i * 7) % (360 * 24) + 1),
                    "user_id": reps[i % len(reps)].id,
                    "crm_event_kind": kinds[i % len(kinds)],
                    "partner_ids": [Command.set([])],
                }
                for i in range(start, stop)
            ]
        )
        env.cr.commit()  # pylint: disable=invalid-commit
        datagen._logger.info("calendar.event: %d / %d", stop, size)


def _invoices(env, size, reps):
    Move = env["account.move"].with_context(datagen.QUIET)
    existing = Move.search_count([("ref", "=like", f"{datagen.PREFIX}report %")])
    partner = datagen.partners(env, 1)[0]
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1
    )
    today = fields.Date.today()
    for start in range(existing, size, BATCH // 4):
        stop = min(start + BATCH // 4, size)
        moves = Move.create(
            [
                {
                    "move_type": "out_invoice",
                    "journal_id": journal.id,
                    "ref": f"{datagen.PREFIX}report {i:07d}",
                    "partner_id": partner.id,
                    "invoice_user_id": reps[i % len(reps)].id,
                    "invoice_date": today.replace(month=1, day=1)
                    + timedelta(days=i % 300),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "bench",
                                "price_unit": 10.0 * (i % 50),
                                "account_id": journal.default_account_id.id,
                            }
                        )
                    ],
                }
                for i in range(start, stop)
            ]
        )
        moves.action_post()
        env.cr.commit()  # pylint: disable=invalid-commit
        datagen._logger.info("account.move: %d / %d", stop, size)


def _calls(env, size, reps):
    Call = env["crm.voip.call"].with_context(datagen.QUIET)
    existing = Call.search_count([("from_number", "=", "+33100000000")])
    base = fields.Datetime.now().replace(month=1, day=1, hour=8, minute=0, second=0)
    for start in range(existing, size, BATCH):
        stop = min(start + BATCH, size)
        Call.create(
            [
                {
                    "direction": "outbound",
                    "from_number": "+33100000000",
                    "to_number": f"+3361{i:07d}",
                    "user_id": reps[i % len(reps)].id,
                    "date_start": base + timedelta(minutes=(i * 13) % (360 * 1440)),
                }
                for i in range(start, stop)
            ]
        )
        env.cr.execute(
            "UPDATE crm_voip_call SET duration = 30 + id %% 600 WHERE from_number = %s",
            ["+33100000000"],
        )
        env.cr.commit()  # pylint: disable=invalid-commit
        datagen._logger.info("crm.voip.call: %d / %d", stop, size)


def _pivot_one_by_one(env, report):
    """What a user gets from Odoo's pivots: each figure, each salesperson."""
    start, stop = report._datetime_bounds()
    period = [("create_date", ">=", start), ("create_date", "<", stop)]
    for user in report.salesperson_ids:
        Lead = env["crm.lead"]
        Lead.web_read_group(
            [("type", "=", "opportunity"), ("user_id", "=", user.id)] + period,
            ["expected_revenue:sum"],
            ["stage_id"],
        )
        Lead.web_read_group(
            [
                ("type", "=", "opportunity"),
                ("user_id", "=", user.id),
                ("stage_id.is_won", "=", True),
                ("date_closed", ">=", start),
                ("date_closed", "<", stop),
            ],
            ["expected_revenue:sum"],
            [],
        )
        env["res.partner"].web_read_group([("user_id", "=", user.id)] + period, [], [])
        env["calendar.event"].web_read_group(
            [("user_id", "=", user.id), ("start", ">=", start), ("start", "<", stop)],
            ["duration:sum"],
            ["crm_event_kind"],
        )
        env["account.move"].web_read_group(
            [
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                ("invoice_user_id", "=", user.id),
                ("invoice_date", ">=", report.date_from),
                ("invoice_date", "<=", report.date_to),
            ],
            ["amount_untaxed:sum"],
            ["currency_id"],
        )
        env["crm.voip.call"].web_read_group(
            [
                ("user_id", "=", user.id),
                ("date_start", ">=", start),
                ("date_start", "<", stop),
            ],
            ["duration:sum", "price:sum"],
            [],
        )


def run(env, size):
    reps = datagen.users(env, SALESPEOPLE)
    leads = datagen.leads(env, size).with_env(env)
    _spread(env, leads, reps)
    _events(env, size, reps)
    _invoices(env, size // 5, reps)
    _calls(env, size // 2, reps)
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
        for _warm in range(2):
            report.action_generate()
            _pivot_one_by_one(env, report)
        env.invalidate_all()
        with measure(env) as ours:
            report.action_generate()
        env.invalidate_all()
        with measure(env) as odoo:
            _pivot_one_by_one(env, report)
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
            report._compute_lines()
        env.invalidate_all()
        with measure(env) as odoo:
            _pivot_one_by_one(env, report)
        rows.append(Result("  its figures only (grouped reads)", size, ours, odoo))
    return rows
