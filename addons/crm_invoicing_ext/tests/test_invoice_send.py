# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon


@tagged("post_install", "-at_install")
class TestInvoiceSend(AccountTestInvoicingCommon):
    """Manual exchange rate, e-mail remarks and the human number on the PDF, as
    an invoicing user does them through Odoo's own form and Send & Print."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_currency = cls.setup_other_currency("EUR")
        cls.journal = cls.company_data["default_journal_sale"]
        cls.journal.crm_numbering = True
        cls.billing = new_test_user(
            cls.env,
            login="crm_inv_billing",
            name="Billing User",
            email="billing@example.com",
            groups="account.group_account_invoice",
            company_id=cls.env.company.id,
        )
        cls.partner_a.email = "partner_a@example.com"

    def _invoice(self, currency=None, post=False):
        return self.init_invoice(
            "out_invoice",
            amounts=[100.0],
            journal=self.journal,
            currency=currency,
            invoice_date=fields.Date.to_date("2017-01-01"),
            post=post,
        )

    def _send(self, invoice):
        action = invoice.with_user(self.billing).action_send_and_print()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.billing)
            .with_context(**action["context"])
            .create({})
        )
        return wizard

    def test_manual_exchange_rate(self):
        invoice = self._invoice(currency=self.other_currency)
        self.assertAlmostEqual(invoice.invoice_currency_rate, 2.0)
        line = invoice.invoice_line_ids
        self.assertAlmostEqual(line.balance, -50.0)
        with Form(invoice.with_user(self.billing)) as form:
            form.crm_manual_rate = True
            self.assertAlmostEqual(form.crm_currency_rate, 2.0, msg="Odoo's rate")
            form.crm_currency_rate = 4.0
        self.assertAlmostEqual(invoice.invoice_currency_rate, 4.0)
        self.assertAlmostEqual(line.balance, -25.0)
        # Odoo's own recomputations (invoice date, posting) keep the typed rate.
        invoice.invoice_date = fields.Date.to_date("2016-06-01")
        invoice.action_post()
        self.assertAlmostEqual(invoice.invoice_currency_rate, 4.0)
        self.assertAlmostEqual(line.balance, -25.0)
        # Unticked (on a draft): Odoo's rate again.
        invoice.button_draft()
        invoice.crm_manual_rate = False
        self.assertAlmostEqual(invoice.invoice_currency_rate, 3.0)
        self.assertAlmostEqual(line.balance, 100.0 / -3.0, places=2)
        with self.assertRaises(ValidationError):
            invoice.write({"crm_manual_rate": True, "crm_currency_rate": 0.0})

    def test_odoo_rate_unchanged_without_the_feature(self):
        invoice = self._invoice(currency=self.other_currency)
        self.assertFalse(invoice.crm_manual_rate)
        self.assertAlmostEqual(invoice.invoice_currency_rate, 2.0)
        self.assertAlmostEqual(self._invoice().invoice_currency_rate, 1.0)

    def test_remarks_in_the_mail_body(self):
        invoice = self._invoice(post=True)
        plain = self._send(invoice)
        self.assertNotIn("o_crm_mail_remarks", str(plain.mail_body))
        invoice.with_user(
            self.billing
        ).crm_mail_remarks = "Delivery on Monday.\nThank you <for> your order."
        wizard = self._send(invoice)
        body = str(wizard.mail_body)
        self.assertIn("Delivery on Monday.", body)
        self.assertIn("Thank you &lt;for&gt; your order.", body)
        self.assertLess(body.index(invoice.name), body.index("Delivery on Monday."))
        wizard.sending_methods = ["email"]  # the "by Email" checkbox
        wizard.action_send_and_print()
        invoice.invalidate_recordset()
        message = invoice.message_ids.filtered(
            lambda m: "Delivery on Monday." in str(m.body)
        )
        self.assertTrue(message, "the remarks are in the e-mail sent")
        # What is sent and printed: Odoo's report shows the human number.
        # (Odoo's test mode renders the PDF as its HTML.)
        self.assertEqual(invoice.name, "INV0000001")
        self.assertIn(b"INV0000001", invoice.invoice_pdf_report_id.raw)
        self.assertIn(b"INV0000001", message.attachment_ids.raw, "the PDF e-mailed")

    def test_report_shows_the_human_number_in_the_partner_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.partner_a.lang = "fr_FR"
        invoice = self._invoice(post=True)
        self.assertEqual(invoice.name, "INV0000001")
        html = (
            self.env["ir.actions.report"]
            .with_user(self.billing)
            ._render_qweb_html("account.account_invoices", invoice.ids)[0]
            .decode()
        )
        self.assertIn("INV0000001", html)
        self.assertIn('data-oe-lang="fr_FR"', html)
