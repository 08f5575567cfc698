# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""crm_invoicing_ext: posting customer invoices with our numbering (INV0000001)
vs Odoo's own naming (INV/2026/00001), in one call and one by one, then two
posters racing in one journal (issue: at most 1 query and < 2 ms per invoice on
top of Odoo's cost; the race ends with 0 errors and consecutive numbers).
"""

import threading
import time

from odoo import SUPERUSER_ID, Command, api, fields

from .harness import Result, measure, rolled_back

DESCRIPTION = "account.move post: our numbering vs Odoo's default naming, + race"
N = 2000


def _journal(env):
    company = env.company
    if not company.chart_template:
        env["account.chart.template"].try_loading(
            "generic_coa", company, install_demo=False
        )
        env.cr.commit()  # pylint: disable=invalid-commit
    return env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
    )


def _drafts(env, journal, n):
    partner = env["res.partner"].search(
        [("name", "=", "bench-invoice customer")], limit=1
    )
    if not partner:
        partner = env["res.partner"].create({"name": "bench-invoice customer"})
    account = journal.default_account_id
    return env["account.move"].create(
        [
            {
                "move_type": "out_invoice",
                "journal_id": journal.id,
                "partner_id": partner.id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "bench", "price_unit": 100.0, "account_id": account.id}
                    )
                ],
            }
            for _i in range(n)
        ]
    )


def _post(env, journal, numbering, n, one_by_one):
    """Measure posting n fresh drafts; everything is rolled back afterwards."""
    with rolled_back(env):
        journal.crm_numbering = numbering
        moves = _drafts(env, journal, n)
        env.flush_all()
        env.invalidate_all()
        with measure(env) as result:
            if one_by_one:
                for move in moves:
                    move.action_post()
            else:
                moves.action_post()
        assert set(moves.mapped("state")) == {"posted"}
    return result


def _race(env, journal):
    """T1 posts and keeps its transaction open 1 s; T2 posts meanwhile."""
    registry = env.registry
    with registry.cursor() as cr:
        benv = api.Environment(cr, SUPERUSER_ID, {})
        bjournal = benv["account.journal"].browse(journal.id)
        bjournal.crm_numbering = True
        ids = _drafts(benv, bjournal, 2).ids
    names, errors, waits = {}, [], {}

    def post(move_id, hold):
        start = time.perf_counter()
        try:
            with registry.cursor() as cr:
                tenv = api.Environment(cr, SUPERUSER_ID, {})
                move = tenv["account.move"].browse(move_id)
                move.action_post()
                names[move_id] = move.name
                time.sleep(hold)
        except Exception as error:  # counted in the report
            errors.append(repr(error))
        waits[move_id] = time.perf_counter() - start

    first = threading.Thread(target=post, args=(ids[0], 1.0))
    second = threading.Thread(target=post, args=(ids[1], 0.0))
    first.start()
    time.sleep(0.2)
    second.start()
    first.join()
    second.join()
    with registry.cursor() as cr:
        cenv = api.Environment(cr, SUPERUSER_ID, {})
        moves = cenv["account.move"].browse(ids)
        moves.button_draft()
        moves.with_context(force_delete=True).unlink()
    numbers = sorted(int(name[-7:]) for name in names.values())
    consecutive = len(numbers) == 2 and numbers[1] == numbers[0] + 1
    print(
        f"  race (T1 holds its transaction 1 s, T2 starts 0.2 s later): "
        f"{len(errors)} error(s) {errors}, names {sorted(names.values())}, "
        f"consecutive={consecutive}, T2 took {waits[ids[1]]:.2f} s"
    )


def run(env, size):
    journal = _journal(env)
    n = min(size, N)
    rows = []
    _post(env, journal, True, 10, False)  # warm caches
    _post(env, journal, False, 10, False)
    for one_by_one in (False, True):
        ours = _post(env, journal, True, n, one_by_one)
        odoo = _post(env, journal, False, n, one_by_one)
        how = "one by one" if one_by_one else "in one call"
        rows.append(Result(f"post {n} invoices {how}", n, ours, odoo))
        print(
            f"  {how}: per invoice ours {ours.seconds / n * 1000:.2f} ms "
            f"{ours.queries / n:.2f} q, Odoo {odoo.seconds / n * 1000:.2f} ms "
            f"{odoo.queries / n:.2f} q"
        )
    _race(env, journal)
    return rows
