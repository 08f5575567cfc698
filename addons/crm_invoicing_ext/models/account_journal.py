# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class AccountJournal(models.Model):
    _inherit = "account.journal"

    crm_numbering = fields.Boolean(
        string="Human invoice numbers",
        default=False,
        copy=False,
        help="Number customer invoices PREFIX + digits (INV0000001), never reset, "
        "instead of Odoo's JOURNAL/YEAR/NUMBER. Off until an administrator switches "
        "it on: invoices keep Odoo's numbers.",
    )
    crm_invoice_prefix = fields.Char(string="Invoice prefix", default="INV")
    crm_refund_prefix = fields.Char(string="Credit note prefix", default="AV")
    crm_invoice_padding = fields.Integer(string="Number of digits", default=7)
    crm_invoice_start = fields.Integer(
        string="Start number",
        default=1,
        help="The lowest number the next invoice may take.",
    )
    crm_invoice_next_number = fields.Integer(
        string="Next number",
        compute="_compute_crm_invoice_next_number",
        inverse="_inverse_crm_invoice_next_number",
        help="Number of the next invoice posted in this journal.",
    )
    crm_invoice_auto = fields.Boolean(
        string="Automatic numbering",
        default=True,
        help="Off: the user types each invoice's number, unique in the journal; "
        "credit notes keep automatic numbers.",
    )

    def write(self, vals):
        res = super().write(vals)
        if any(fname.startswith("crm_") for fname in vals):
            # sequence.mixin caches the last number per format for the transaction:
            # a new prefix or start number must be read again.
            self.env["account.move"]._get_sequence_cache().clear()
        return res

    def _crm_highest_numbers(self):
        """{journal id: highest posted invoice number with the journal's prefix}."""
        journals = self.filtered(lambda j: j.id and j.crm_invoice_prefix)
        if not journals:
            return {}
        self.env["account.move"].flush_model(
            ["journal_id", "sequence_prefix", "sequence_number", "state"]
        )
        self.env.cr.execute(
            """
            SELECT j.id, max(m.sequence_number)
              FROM account_journal j
              JOIN account_move m ON m.journal_id = j.id
                                 AND m.sequence_prefix = j.crm_invoice_prefix
             WHERE j.id = ANY(%s) AND m.state = 'posted'
          GROUP BY j.id
            """,
            [journals.ids],
        )
        return dict(self.env.cr.fetchall())

    @api.depends("crm_invoice_prefix", "crm_invoice_start")
    def _compute_crm_invoice_next_number(self):
        highest = self._crm_highest_numbers()
        for journal in self:
            journal.crm_invoice_next_number = max(
                highest.get(journal.id, 0) + 1, journal.crm_invoice_start or 1
            )

    def _inverse_crm_invoice_next_number(self):
        highest = self._crm_highest_numbers()
        for journal in self:
            top = highest.get(journal.id, 0)
            if journal.crm_invoice_next_number <= top:
                raise UserError(
                    self.env._(
                        "Journal %(journal)s: the next number must be above %(top)s, "
                        "the highest number already posted with the prefix %(prefix)s.",
                        journal=journal.name,
                        top=top,
                        prefix=journal.crm_invoice_prefix,
                    )
                )
            journal.crm_invoice_start = journal.crm_invoice_next_number

    @api.constrains(
        "crm_numbering",
        "crm_invoice_prefix",
        "crm_refund_prefix",
        "crm_invoice_padding",
    )
    def _check_crm_numbering(self):
        for journal in self.filtered("crm_numbering"):
            for prefix in (journal.crm_invoice_prefix, journal.crm_refund_prefix):
                if not prefix or re.search(r"\d\s*$", prefix):
                    raise ValidationError(
                        self.env._(
                            "Journal %(journal)s: invoice and credit note prefixes are "
                            "required and may not end with a digit (“%(prefix)s”).",
                            journal=journal.name,
                            prefix=prefix or "",
                        )
                    )
            if not 1 <= journal.crm_invoice_padding <= 12:
                raise ValidationError(
                    self.env._(
                        "Journal %(journal)s: the number of digits must be between 1 "
                        "and 12.",
                        journal=journal.name,
                    )
                )

    def _crm_numbering_for(self, move):
        """(prefix, digits, start) for `move` in this journal; None: Odoo's names."""
        self.ensure_one()
        if not self.crm_numbering or move.move_type not in (
            "out_invoice",
            "out_refund",
        ):
            return None
        if move.move_type == "out_refund":
            return self.crm_refund_prefix, self.crm_invoice_padding, 1
        return self.crm_invoice_prefix, self.crm_invoice_padding, self.crm_invoice_start
