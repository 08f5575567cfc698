# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Invoices posted at the same time in one journal get unique, consecutive numbers.

No lock of ours: sequence.mixin writes the name in a savepoint; a second poster of
the same journal waits on PostgreSQL's unique index `account_move_unique_name` until
the first commits, then retries with the next number. This test runs real
concurrent transactions, so it commits its own data and removes it afterwards.
"""

import threading
import uuid

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.account.tests import test_sequence_mixin

POSTERS = 4


@tagged("post_install", "-at_install")
class TestNumberingConcurrency(TransactionCase):
    def _env(self, cr, company_id=None):
        """An environment on a cursor of another thread. Its transaction is given
        the registry: while tests run, the main thread holds Registry's lock, which
        `Environment` would otherwise take to find the registry."""
        cr.transaction = api.Transaction(self.registry)
        context = {"allowed_company_ids": [company_id]} if company_id else {}
        return api.Environment(cr, SUPERUSER_ID, context)

    def _setup_committed(self, env):
        # unique names: a run that died before its clean-up leaves nothing in the way
        tag = uuid.uuid4().hex[:8]
        company = env["res.company"].create({"name": f"Concurrency {tag}"})
        env = env(context={"allowed_company_ids": [company.id]})
        income = env["account.account"].create(
            {
                "name": "Concurrency income",
                "code": "7099",
                "account_type": "income",
                "company_ids": [Command.set(company.ids)],
            }
        )
        receivable = env["account.account"].create(
            {
                "name": "Concurrency receivable",
                "code": "4199",
                "account_type": "asset_receivable",
                "reconcile": True,
                "company_ids": [Command.set(company.ids)],
            }
        )
        journal = env["account.journal"].create(
            {
                "name": "Concurrency sales",
                "code": "CCY",
                "type": "sale",
                "company_id": company.id,
                "crm_numbering": True,
                "default_account_id": income.id,
            }
        )
        partner = env["res.partner"].create(
            {
                "name": "Concurrency customer",
                "property_account_receivable_id": receivable.id,
            }
        )
        moves = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "journal_id": journal.id,
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "invoice_date": fields.Date.today(),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "line",
                                "price_unit": 10.0,
                                "account_id": income.id,
                            }
                        )
                    ],
                }
                for _i in range(POSTERS)
            ]
        )
        return company, moves.ids

    def _cleanup(self, company_id, move_ids):
        with self.registry.cursor() as cr:
            env = self._env(cr, company_id)
            moves = env["account.move"].browse(move_ids).exists()
            moves.filtered(lambda m: m.state == "posted").button_draft()
            moves.with_context(force_delete=True).unlink()
            env["account.journal"].search([("company_id", "=", company_id)]).unlink()
            env["res.partner"].search([("name", "=", "Concurrency customer")]).unlink()
            env["account.account"].search(
                [("code", "in", ["709999", "419999"])]
            ).unlink()
            env["res.company"].browse(company_id).active = False

    def test_concurrent_posters(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company, move_ids = self._setup_committed(env)
            company_id = company.id
        try:
            barrier = threading.Barrier(POSTERS)
            names, errors = {}, []

            def post(move_id):
                try:
                    with self.registry.cursor() as cr:
                        env = self._env(cr, company_id)
                        move = env["account.move"].browse(move_id)
                        barrier.wait(timeout=30)
                        move.action_post()
                        names[move_id] = move.name
                except Exception as error:  # reported by the assertion below
                    errors.append(repr(error))

            threads = [threading.Thread(target=post, args=(i,)) for i in move_ids]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
            self.assertEqual(errors, [])
            self.assertEqual(
                sorted(names.values()),
                [f"INV{n:07d}" for n in range(1, POSTERS + 1)],
            )
        finally:
            self._cleanup(company_id, move_ids)


@tagged("post_install", "-at_install")
class TestOdooConcurrencyWithModule(test_sequence_mixin.TestSequenceMixinConcurrency):
    """Odoo's own concurrent numbering tests, with this module's fields in the
    registry: a transaction that began before another poster committed still posts
    (no serialization failure from a dependency of ours read while posting)."""

    allow_inherited_tests_method = True
