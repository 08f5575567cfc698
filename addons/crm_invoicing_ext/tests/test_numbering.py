# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestNumbering(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.journal = cls.company_data["default_journal_sale"]
        # what an administrator does in Settings or on the journal form
        cls.journal.crm_numbering = True

    def _invoice(self, post=True, move_type="out_invoice", **values):
        move = self.init_invoice(move_type, amounts=[100.0], journal=self.journal)
        if values:
            move.write(values)
        if post:
            move.action_post()
        return move

    def test_default_format(self):
        """Switched on: INV + 7 digits from 1, credit notes AV + 7 digits."""
        first, second = self._invoice(), self._invoice()
        self.assertEqual((first.name, second.name), ("INV0000001", "INV0000002"))
        self.assertEqual(self._invoice(move_type="out_refund").name, "AV0000001")
        # sequence.mixin's split fields stay right (gap detection, hash)
        self.assertEqual((second.sequence_prefix, second.sequence_number), ("INV", 2))
        self.assertFalse(second.made_sequence_gap)
        self.assertEqual(self.journal.crm_invoice_next_number, 3)

    def test_format_change_applies_to_the_next_invoice(self):
        old = self._invoice()
        self.journal.write({"crm_invoice_prefix": "FAC-", "crm_invoice_padding": 5})
        new = self._invoice()
        self.assertEqual(old.name, "INV0000001")
        self.assertEqual(new.name, "FAC-00001")

    def test_next_number(self):
        """A higher next number is taken; one at or below the highest posted is
        refused with the number it must exceed."""
        self._invoice()
        self._invoice()
        self.journal.crm_invoice_next_number = 500
        self.assertEqual(self._invoice().name, "INV0000500")
        self.assertEqual(self._invoice().name, "INV0000501")
        with self.assertRaises(UserError) as refusal:
            self.journal.crm_invoice_next_number = 501
        self.assertIn("must be above 501", str(refusal.exception))

    def test_upgrade_keeps_odoo_names(self):
        """Invoices named by Odoo keep their names; numbering goes on in our format."""
        self.journal.crm_numbering = False
        odoo_named = self._invoice()
        self.assertIn("/", odoo_named.name)
        self.journal.crm_numbering = True
        self.assertEqual(self._invoice().name, "INV0000001")
        self.assertIn("/", odoo_named.name)

    def test_manual_mode(self):
        self.journal.crm_invoice_auto = False
        draft = self._invoice(post=False)
        with self.assertRaises(UserError) as refusal:
            draft.action_post()
        self.assertIn("manual: type the number", str(refusal.exception))
        draft.name = "MAN-00042"
        draft.action_post()
        self.assertEqual(draft.name, "MAN-00042")
        duplicate = self._invoice(post=False)
        duplicate.name = "MAN-00042"
        with self.assertRaises(ValidationError) as refusal:
            duplicate.action_post()
        self.assertIn("already used by the invoice of", str(refusal.exception))
        self.assertEqual(duplicate.state, "draft")

    def test_prefix_and_digits_checked(self):
        with self.assertRaises(ValidationError) as refusal:
            self.journal.crm_invoice_prefix = "INV2026"
        self.assertIn("may not end with a digit", str(refusal.exception))
        with self.assertRaises(ValidationError) as refusal:
            self.journal.crm_invoice_padding = 0
        self.assertIn("between 1 and 12", str(refusal.exception))

    def test_two_companies(self):
        """Each company's sales journal keeps its own prefix and counter."""
        other = self.setup_other_company()
        journal_b = other["default_journal_sale"]
        journal_b.write({"crm_numbering": True, "crm_invoice_prefix": "CB"})
        self._invoice()
        invoice_b = self.init_invoice(
            "out_invoice", amounts=[50.0], company=other["company"], journal=journal_b
        )
        invoice_b.action_post()
        self.assertEqual(invoice_b.name, "CB0000001")
        self.assertEqual(self._invoice().name, "INV0000002")

    def test_other_documents_keep_odoo_names(self):
        bill = self.init_invoice("in_invoice", amounts=[10.0], post=True)
        self.assertIn("/", bill.name)

    def _post_queries(self, move):
        """Queries of posting `move` as the first post of a transaction (the
        sequence.mixin cache of the last number empty, as in a new request)."""
        self.env["account.move"]._get_sequence_cache().clear()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        move.action_post()
        return self.cr.sql_log_count - before

    def test_one_query_at_most_on_top_of_odoo(self):
        """Posting with our numbering costs at most one query more than Odoo's own
        naming."""
        self._invoice()  # warm up both paths
        self.journal.crm_numbering = False
        self._invoice()
        odoo_queries = self._post_queries(self._invoice(post=False))
        self.journal.crm_numbering = True
        our_queries = self._post_queries(self._invoice(post=False))
        self.assertLessEqual(our_queries, odoo_queries + 1, (our_queries, odoo_queries))

    def test_form_invoice(self):
        with Form(
            self.env["account.move"].with_context(default_move_type="out_invoice")
        ) as form:
            form.partner_id = self.partner_a
            form.journal_id = self.journal
            with form.invoice_line_ids.new() as line:
                line.name = "Consulting"
                line.price_unit = 250.0
                line.tax_ids.clear()
        move = form.record
        move.action_post()
        self.assertEqual(move.name, "INV0000001")
        self.assertEqual(
            move.line_ids.mapped("move_name"), ["INV0000001"] * len(move.line_ids)
        )

    def test_resequence_still_works(self):
        """Odoo's resequence wizard renames our invoices like any other."""
        moves = self._invoice() | self._invoice()
        wizard = (
            self.env["account.resequence.wizard"]
            .with_context(active_model="account.move", active_ids=moves.ids)
            .create({"first_name": "INV0000010", "ordering": "keep"})
        )
        wizard.resequence()
        self.assertEqual(sorted(moves.mapped("name")), ["INV0000010", "INV0000011"])
        self.assertEqual(self._invoice().name, "INV0000012")

    # ------------------------------------------------------------------
    # Odoo's callers of the numbering overrides, with the numbering on
    # ------------------------------------------------------------------

    def test_post_many_documents_at_once(self):
        """One action_post over invoices, credit notes, a vendor bill and a
        journal entry: each in its own chain, invoices consecutive."""
        invoices = self._invoice(post=False) | self._invoice(post=False)
        refund = self._invoice(post=False, move_type="out_refund")
        bill = self.init_invoice("in_invoice", amounts=[10.0])
        entry = self.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": self.company_data["default_journal_misc"].id,
                "date": "2019-01-01",
                "line_ids": [
                    Command.create(
                        {
                            "name": "debit",
                            "debit": 10.0,
                            "account_id": self.company_data[
                                "default_account_revenue"
                            ].id,
                        }
                    ),
                    Command.create(
                        {
                            "name": "credit",
                            "credit": 10.0,
                            "account_id": self.company_data[
                                "default_account_expense"
                            ].id,
                        }
                    ),
                ],
            }
        )
        (invoices | refund | bill | entry).action_post()
        self.assertEqual(invoices.mapped("name"), ["INV0000001", "INV0000002"])
        self.assertEqual(refund.name, "AV0000001")
        self.assertTrue(bill.name.startswith("BILL/2019/"), bill.name)
        self.assertTrue(entry.name.startswith("MISC/2019/"), entry.name)

    def test_duplicate_and_reverse(self):
        """Duplicate (copy) takes the next number when posted; Odoo's Credit
        Note wizard numbers the credit note in the credit note chain."""
        invoice = self._invoice()
        duplicate = invoice.copy()
        self.assertIn(duplicate.name, (False, "/"), "no number until posted")
        duplicate.action_post()
        self.assertEqual(duplicate.name, "INV0000002")
        with Form(
            self.env["account.move.reversal"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        ) as form:
            form.reason = "Duplicate"
        action = form.record.modify_moves()
        credit_note = invoice.reversal_move_ids
        self.assertEqual(credit_note.name, "AV0000001")
        replacement = self.env["account.move"].browse(action["res_id"])
        replacement.action_post()
        self.assertEqual(replacement.name, "INV0000003")

    def test_imported_names_kept(self):
        """An imported invoice keeps its name; the chain goes on after the
        highest number of the prefix."""
        self._invoice()
        imported = self._invoice(post=False, name="INV0000040")
        other = self._invoice(post=False, name="OLD/2019/0007")
        (imported | other).action_post()
        self.assertEqual((imported.name, other.name), ("INV0000040", "OLD/2019/0007"))
        self.assertEqual(self._invoice().name, "INV0000041")

    def test_reversal_in_manual_mode(self):
        """Manual numbers are for invoices: Odoo's Credit Note wizard posts the
        credit note itself ('Reverse and create invoice'), numbered in the credit
        note chain, and the new invoice waits for its typed number."""
        self.journal.crm_invoice_auto = False
        invoice = self._invoice(post=False, name="MAN-7")
        invoice.action_post()
        with Form(
            self.env["account.move.reversal"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        ) as form:
            form.reason = "Wrong price"
        action = form.record.modify_moves()
        self.assertEqual(invoice.reversal_move_ids.name, "AV0000001")
        self.assertEqual(invoice.payment_state, "reversed")
        replacement = self.env["account.move"].browse(action["res_id"])
        with self.assertRaisesRegex(UserError, "manual: type the number"):
            replacement.action_post()

    def test_auto_post_cron_in_manual_mode(self):
        """Odoo's auto-post cron posts the invoices that have a typed number and
        leaves the others in draft with the reason in their chatter."""
        self.journal.crm_invoice_auto = False
        typed = self._invoice(post=False, name="MAN-1", auto_post="at_date")
        untyped = self._invoice(post=False, auto_post="at_date")
        (typed | untyped).checked = True
        self.env["account.move"]._autopost_draft_entries()
        self.assertEqual((typed.state, untyped.state), ("posted", "draft"))
        self.assertIn("manual: type the number", untyped.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestNumberingSwitch(AccountTestInvoicingCommon):
    """Installing the module changes no invoice number: the human numbering is
    off on every journal until an administrator switches it on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.journal = cls.company_data["default_journal_sale"]
        cls.admin = new_test_user(
            cls.env,
            login="crm_invoicing_ext_numbering_admin",
            groups="base.group_system,account.group_account_manager,"
            "sales_team.group_sale_manager",
            company_id=cls.company_data["company"].id,
            company_ids=cls.company_data["company"].ids,
        )

    def _post_invoice(self, move_type="out_invoice", journal=None):
        move = self.init_invoice(
            move_type,
            amounts=[100.0],
            invoice_date="2026-03-01",
            journal=journal or self.journal,
        )
        move.action_post()
        return move

    def test_installed_module_keeps_odoo_numbers(self):
        """Sales journals, those of the database and those created since, keep
        Odoo's JOURNAL/YEAR/NUMBER names for invoices and credit notes."""
        self.assertFalse(
            # sudo: every company's journals, those of the database included
            self.env["account.journal"]
            .sudo()
            .with_context(active_test=False)
            .search([("crm_numbering", "=", True)]),
            "no journal numbered by the module after install",
        )
        self.assertEqual(self._post_invoice().name, "INV/2026/00001")
        self.assertEqual(self._post_invoice("out_refund").name, "RINV/2026/00001")
        with Form(self.env["account.journal"].with_user(self.admin)) as form:
            form.name = "Second sales"
            form.type = "sale"
            form.code = "SAL2"
        journal = form.record
        self.assertFalse(journal.crm_numbering)
        self.assertEqual(self._post_invoice(journal=journal).name, "SAL2/2026/00001")
        self.assertFalse(self.journal.copy().crm_numbering)

    def test_switch_on_in_settings(self):
        """An administrator switches it on in CRM Settings for the company's
        default sales journal; invoices posted before keep their names."""
        before = self._post_invoice()
        # the form itself is driven by the tour (test_invoice_from_opportunity_tour);
        # a Form here logs the warnings of unrelated settings' onchanges
        settings = (
            self.env["res.config.settings"]
            .with_user(self.admin)
            .create(
                {
                    "crm_numbering": True,
                    "crm_invoice_prefix": "FAC",
                    "crm_invoice_padding": 5,
                }
            )
        )
        self.assertEqual(settings.crm_invoice_journal_id, self.journal)
        settings.execute()
        self.assertTrue(self.journal.crm_numbering)
        self.assertEqual(self._post_invoice().name, "FAC00001")
        self.assertEqual(before.name, "INV/2026/00001")
        other = self.setup_other_company()["default_journal_sale"]
        self.assertFalse(other.crm_numbering, "another company's journal unchanged")

    def test_switch_on_on_the_journal_form(self):
        with Form(self.journal.with_user(self.admin)) as form:
            form.crm_numbering = True
            form.crm_invoice_prefix = "F-"
        self.assertEqual(self._post_invoice().name, "F-0000001")
        with Form(self.journal.with_user(self.admin)) as form:
            form.crm_numbering = False
        self.assertEqual(
            self._post_invoice().name,
            "F-0000002",
            "switched off: Odoo goes on from the last name, as it always does",
        )
