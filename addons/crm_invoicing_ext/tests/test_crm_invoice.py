# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib.util

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools.misc import file_path

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestCrmInvoice(AccountTestInvoicingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Big deal",
                "type": "opportunity",
                "partner_id": cls.partner_a.id,
                "company_id": cls.company_data["company"].id,
            }
        )

    def _invoice_from_opportunity(self, price=100.0):
        action = self.opportunity.action_crm_create_invoice()
        with Form(self.env["account.move"].with_context(**action["context"])) as form:
            with form.invoice_line_ids.new() as line:
                line.name = "Consulting"
                line.price_unit = price
                line.tax_ids.clear()
        return form.record

    def test_create_invoice_from_opportunity(self):
        invoice = self._invoice_from_opportunity(100.0)
        self.assertEqual(invoice.partner_id, self.partner_a)
        self.assertEqual(invoice.opportunity_id, self.opportunity)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(self.opportunity.crm_invoice_count, 1)
        self.assertEqual(
            self.opportunity.crm_invoiced_amount, 0.0, "drafts not counted"
        )
        invoice.action_post()
        self.opportunity.invalidate_recordset()
        self.assertEqual(self.opportunity.crm_invoiced_amount, 100.0)
        refund = invoice._reverse_moves()
        refund.invoice_line_ids.price_unit = 30.0
        refund.action_post()
        self.opportunity.invalidate_recordset()
        self.assertEqual(
            self.opportunity.crm_invoice_count,
            1 + (refund.opportunity_id == self.opportunity),
        )
        action = self.opportunity.action_view_crm_invoices()
        self.assertEqual(
            action["domain"], [("opportunity_id", "=", self.opportunity.id)]
        )

    def test_opportunity_of_another_customer_refused(self):
        invoice = self.init_invoice(
            "out_invoice", partner=self.partner_b, amounts=[10.0]
        )
        with self.assertRaisesRegex(
            ValidationError, "link the invoice to an opportunity"
        ):
            invoice.opportunity_id = self.opportunity

    def test_opportunity_of_another_company_refused(self):
        other = self.setup_other_company()
        lead_b = self.env["crm.lead"].create(
            {
                "name": "Deal B",
                "type": "opportunity",
                "partner_id": self.partner_a.id,
                "company_id": other["company"].id,
            }
        )
        invoice = self.init_invoice(
            "out_invoice", partner=self.partner_a, amounts=[10.0]
        )
        with self.assertRaises(UserError):
            invoice.opportunity_id = lead_b

    def test_currency_per_contact(self):
        """A contact's invoicing currency is the default of its new invoices."""
        other_currency = self.setup_other_currency("EUR")
        self.partner_a.crm_invoice_currency_id = other_currency
        invoice = self.init_invoice(
            "out_invoice", partner=self.partner_a, amounts=[10.0]
        )
        self.assertEqual(invoice.currency_id, other_currency)
        plain = self.init_invoice("out_invoice", partner=self.partner_b, amounts=[10.0])
        self.assertEqual(plain.currency_id, self.company_data["currency"])

    def test_journal_currency_wins_over_contact_currency(self):
        """Odoo invoices a journal with its own currency in that currency only;
        a customer with an invoicing currency never overrides it."""
        eur = self.setup_other_currency("EUR")
        chf = self.setup_other_currency("CHF", rates=[("2016-01-01", 2.0)])
        self.partner_a.crm_invoice_currency_id = eur
        sales = self.company_data["default_journal_sale"]
        journal = sales.copy(
            {
                "code": "SCHF",
                "currency_id": chf.id,
                "default_account_id": sales.default_account_id.id,
            }
        )
        invoice = self.init_invoice(
            "out_invoice", partner=self.partner_a, amounts=[10.0], journal=journal
        )
        self.assertEqual(invoice.currency_id, chf)
        with Form(invoice) as form:
            form.partner_id = self.partner_b
            form.partner_id = self.partner_a
        self.assertEqual(invoice.currency_id, chf)

    def test_crm_state(self):
        invoice = self.init_invoice("out_invoice", amounts=[100.0])
        self.assertEqual(invoice.crm_state, "draft")
        invoice.action_post()
        self.assertEqual(invoice.crm_state, "billed")
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(invoice.crm_state, "paid")
        found = self.env["account.move"].search(
            [("id", "=", invoice.id), ("crm_state", "=", "paid")]
        )
        self.assertEqual(found, invoice)

    def _paid_by_status(self, partner):
        """The invoice list of a customer grouped by CRM status, with its total
        (Invoicing > Customers > Invoices, filter on the customer, group by)."""
        groups = self.env["account.move"]._read_group(
            [
                ("partner_id", "=", partner.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
            ],
            ["crm_state"],
            ["amount_total_signed:sum"],
        )
        return dict(groups)

    def _reverse(self, invoice, user, button):
        """Odoo's Credit Note wizard on the invoice form, as `user`."""
        action = invoice.with_user(user).action_reverse()
        self.assertEqual(action["res_model"], "account.move.reversal")
        with Form(
            self.env["account.move.reversal"]
            .with_user(user)
            .with_context(active_model="account.move", active_ids=invoice.ids)
        ) as form:
            form.reason = "Wrong customer"
        result = getattr(form.record, button)()
        return self.env["account.move"].browse(result["res_id"])

    def test_reversed_invoice_is_not_paid(self):
        """An invoice cancelled by a credit note (Odoo's payment status
        "Reversed") is Rejected, not Paid; its credit note too: no money was
        received, so neither counts as paid in the CRM's lists, and the
        opportunity's invoiced total drops to zero."""
        accountant = new_test_user(
            self.env,
            login="crm_invoicing_ext_accountant",
            groups="account.group_account_invoice",
            company_id=self.company_data["company"].id,
            company_ids=self.company_data["company"].ids,
        )
        salesman = new_test_user(
            self.env,
            login="crm_invoicing_ext_rev_salesman",
            groups="sales_team.group_sale_salesman_all_leads,"
            "crm_invoicing_ext.group_crm_invoice_opportunity",
            company_id=self.company_data["company"].id,
            company_ids=self.company_data["company"].ids,
        )
        invoice = self._invoice_from_opportunity(100.0)
        invoice.action_post()
        # "Reverse and create invoice": Odoo reverses with cancel=True
        new_invoice = self._reverse(invoice, accountant, "modify_moves")
        self.assertEqual(invoice.payment_state, "reversed")
        credit_note = invoice.reversal_move_ids
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(invoice.crm_state, "rejected")
        self.assertEqual(credit_note.crm_state, "rejected")
        self.assertEqual(new_invoice.crm_state, "draft")
        self.assertEqual(
            self.env["account.move"].search(
                [("partner_id", "=", self.partner_a.id), ("crm_state", "=", "paid")]
            ),
            self.env["account.move"],
        )
        self.assertNotIn("paid", self._paid_by_status(self.partner_a))
        self.assertEqual(self._paid_by_status(self.partner_a)["rejected"], 0.0)
        lead = self.opportunity.with_user(salesman)
        self.assertEqual(credit_note.opportunity_id, self.opportunity)
        self.assertEqual(lead.crm_invoiced_amount, 0.0)
        self.assertEqual(lead.crm_invoice_count, 3)

    def test_upgrade_recomputes_reversed_invoices(self):
        """Invoices reversed before 18.0.1.0.1 were stored Paid: the upgrade
        makes them and their credit notes Rejected."""
        invoice = self.init_invoice("out_invoice", amounts=[100.0], post=True)
        self._reverse(invoice, self.env.user, "modify_moves")
        moves = invoice | invoice.reversal_move_ids
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE account_move SET crm_state = 'paid' WHERE id IN %s",
            [tuple(moves.ids)],
        )
        self.env.invalidate_all()
        path = file_path("crm_invoicing_ext/migrations/18.0.1.0.1/post-migrate.py")
        spec = importlib.util.spec_from_file_location("crm_invoicing_ext_mig", path)
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.0.0")
        self.env.invalidate_all()
        self.assertEqual(moves.mapped("crm_state"), ["rejected", "rejected"])

    def test_credit_note_posted_later_reverses(self):
        """The wizard's plain "Reverse" makes a draft credit note; posting it
        reconciles it with the invoice: both Rejected then, a partial credit
        note leaves the invoice Billed."""
        invoice = self.init_invoice("out_invoice", amounts=[100.0], post=True)
        partial = self._reverse(invoice, self.env.user, "refund_moves")
        partial.invoice_line_ids.price_unit = 40.0
        partial.action_post()
        self.assertEqual(invoice.payment_state, "partial")
        self.assertEqual(invoice.crm_state, "billed")
        self.assertEqual(partial.crm_state, "paid")
        rest = self._reverse(invoice, self.env.user, "refund_moves")
        rest.invoice_line_ids.price_unit = 60.0
        self.assertEqual(rest.crm_state, "draft")
        rest.action_post()
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(
            (invoice | partial | rest).mapped("crm_state"), ["rejected"] * 3
        )
        # payments still make Paid: a paid invoice with a partial credit note
        other = self.init_invoice("out_invoice", amounts=[100.0], post=True)
        note = self._reverse(other, self.env.user, "refund_moves")
        note.invoice_line_ids.price_unit = 30.0
        note.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=other.ids
        ).create({})._create_payments()
        self.assertIn(other.payment_state, ("paid", "in_payment"))
        self.assertEqual((other.crm_state, note.crm_state), ("paid", "paid"))

    def test_bulk_status_change(self):
        """Drafts are confirmed or rejected with a reason; a confirmed invoice is
        never touched; a rejected one goes back to draft."""
        drafts = self.init_invoice("out_invoice", amounts=[10.0]) | self.init_invoice(
            "out_invoice", amounts=[20.0]
        )
        posted = self.init_invoice("out_invoice", amounts=[30.0], post=True)
        Wizard = self.env["account.move.crm.state"].with_context(
            active_model="account.move", active_ids=(drafts | posted).ids
        )
        with self.assertRaisesRegex(UserError, "reason"):
            Wizard.create({"target": "rejected"}).action_apply()
        result = Wizard.create(
            {"target": "rejected", "reason": "Customer refused the offer"}
        ).action_apply()
        self.assertEqual(drafts.mapped("crm_state"), ["rejected", "rejected"])
        self.assertEqual(
            drafts.mapped("crm_reject_reason"), ["Customer refused the offer"] * 2
        )
        self.assertEqual(posted.crm_state, "billed")
        self.assertIn("2 invoice(s) changed", result["params"]["message"])
        self.assertIn("1 left as they were", result["params"]["message"])
        Wizard.with_context(active_ids=drafts.ids).create(
            {"target": "draft"}
        ).action_apply()
        self.assertEqual(drafts.mapped("crm_state"), ["draft", "draft"])
        Wizard.with_context(active_ids=drafts.ids).create(
            {"target": "billed"}
        ).action_apply()
        self.assertEqual(drafts.mapped("crm_state"), ["billed", "billed"])

    def test_due_date_shortcuts(self):
        """On receipt, 15, 30 and 45 days: Odoo's own payment terms, out of the box."""
        invoice = self.init_invoice("out_invoice", amounts=[10.0])
        invoice.invoice_date = "2026-01-01"
        expected = {
            "account.account_payment_term_immediate": "2026-01-01",
            "account.account_payment_term_15days": "2026-01-16",
            "account.account_payment_term_30days": "2026-01-31",
            "account.account_payment_term_45days": "2026-02-15",
        }
        for xmlid, due in expected.items():
            invoice.invoice_payment_term_id = self.env.ref(xmlid)
            self.assertEqual(str(invoice.invoice_date_due), due, xmlid)
