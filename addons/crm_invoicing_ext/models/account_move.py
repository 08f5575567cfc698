# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CRM_STATES = [
    ("draft", "Draft"),
    ("billed", "Billed"),
    ("paid", "Paid"),
    ("rejected", "Rejected"),
]


class AccountMove(models.Model):
    _inherit = "account.move"

    opportunity_id = fields.Many2one(
        comodel_name="crm.lead",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        domain="[('type', '=', 'opportunity')]",
    )
    crm_state = fields.Selection(
        selection=CRM_STATES,
        string="Invoice status",
        compute="_compute_crm_state",
        store=True,
        help="Draft, Billed (confirmed), Paid, or Rejected (cancelled, or reversed "
        "by credit notes), derived from Odoo's own status and payment status.",
    )
    crm_reject_reason = fields.Text(
        string="Rejection reason", copy=False, tracking=True
    )
    # ONLYOFFICE's "taux de change": Odoo's own rate (invoice_currency_rate, read
    # from the currency rates at the invoice date, not editable in 18.0) is
    # replaced by the typed one while "Manual exchange rate" is ticked. The lines'
    # company-currency amounts follow through Odoo's own dependency
    # (account.move.line currency_rate -> move_id.invoice_currency_rate).
    crm_manual_rate = fields.Boolean(
        string="Manual exchange rate",
        copy=False,
        tracking=True,
        help="Use the rate typed here instead of the currency rate of the invoice "
        "date.",
    )
    crm_currency_rate = fields.Float(
        string="Exchange rate",
        digits=0,
        copy=False,
        tracking=True,
        help="How much of the invoice currency one unit of the company currency "
        "is worth, as Odoo shows it under the currency.",
    )
    crm_mail_remarks = fields.Text(
        string="E-mail remarks",
        copy=False,
        help="Added to the body of the e-mail when the invoice is sent with Print & "
        "Send.",
    )
    # Odoo's reversed_entry_id has a one2many inverse (reversal_move_ids): a
    # dependency through it reads that one2many, ordered by name, whenever a move is
    # posted, which computes pending names too early (Odoo's concurrent numbering
    # fails). This copy has no inverse: its dependents are found by an id search.
    crm_reversal_of_id = fields.Many2one(
        related="reversed_entry_id",
        store=True,
        index="btree_not_null",
        string="Reversal of (invoice status)",
    )

    # ------------------------------------------------------------------
    # Numbering: Odoo's sequence.mixin keeps the work (name, prefix/number split,
    # gap detection, hash, retry on a concurrent number); we only tell it which
    # number came last and where a new chain starts.
    # ------------------------------------------------------------------

    def _crm_numbering(self):
        self.ensure_one()
        return self.journal_id and self.journal_id._crm_numbering_for(self)

    def _get_starting_sequence(self):
        numbering = self._crm_numbering()
        if not numbering:
            return super()._get_starting_sequence()
        prefix, digits, _start = numbering
        return f"{prefix}{0:0{digits}d}"

    def _get_last_sequence(self, relaxed=False, with_prefix=None):
        numbering = self._crm_numbering()
        if not numbering or with_prefix is not None:
            return super()._get_last_sequence(relaxed=relaxed, with_prefix=with_prefix)
        prefix, digits, start = numbering
        self.flush_model(["name", "journal_id", "sequence_prefix", "sequence_number"])
        # One query, on the index sequence.mixin creates
        # (journal_id, sequence_prefix desc, sequence_number desc, name).
        self.env.cr.execute(
            """
            SELECT max(sequence_number) FROM account_move
             WHERE journal_id = %s AND sequence_prefix = %s AND name != '/' AND id != %s
            """,
            [self.journal_id.id, prefix, self._origin.id or 0],
        )
        last = max(self.env.cr.fetchone()[0] or 0, (start or 1) - 1)
        return f"{prefix}{last:0{digits}d}" if last else None

    def _set_next_sequence(self):
        # Manual numbers are for invoices: Odoo posts credit notes itself
        # (reversal wizard, _reverse_moves(cancel=True)), they stay automatic.
        if (
            self.move_type == "out_invoice"
            and self._crm_numbering()
            and not self.journal_id.crm_invoice_auto
        ):
            raise UserError(
                self.env._(
                    "The numbering of journal %(journal)s is manual: type the number "
                    "of the invoice for %(partner)s before confirming it.",
                    journal=self.journal_id.name,
                    partner=self.partner_id.display_name,
                )
            )
        return super()._set_next_sequence()

    def _post(self, soft=True):
        self._check_crm_manual_numbers()
        return super()._post(soft=soft)

    def _check_crm_manual_numbers(self):
        """Typed numbers must be unique in their journal: say which invoice has it."""
        manual = self.filtered(
            lambda m: m.move_type == "out_invoice"
            and m.name
            and m.name != "/"
            and m.journal_id.crm_numbering
            and not m.journal_id.crm_invoice_auto
        )
        if not manual:
            return
        names = {}
        for move in manual:
            key = (move.journal_id, move.name)
            if key in names:
                raise ValidationError(
                    self.env._(
                        "The number %(name)s is given to two invoices.", name=move.name
                    )
                )
            names[key] = move
        taken = self.search(
            [
                ("journal_id", "in", manual.journal_id.ids),
                ("name", "in", [name for _journal, name in names]),
                ("state", "=", "posted"),
                ("id", "not in", manual.ids),
            ],
            limit=1,
        )
        if taken:
            raise ValidationError(
                self.env._(
                    "The number %(name)s is already used by the invoice of %(partner)s "
                    "dated %(date)s in journal %(journal)s.",
                    name=taken.name,
                    partner=taken.partner_id.display_name,
                    date=taken.invoice_date or taken.date,
                    journal=taken.journal_id.name,
                )
            )

    # ------------------------------------------------------------------
    # CRM conveniences
    # ------------------------------------------------------------------

    @api.depends("state", "payment_state", "crm_reversal_of_id.payment_state")
    def _compute_crm_state(self):
        """Paid means money received (or refunded). A fully reversed invoice and
        the credit notes that reverse it moved no money: Rejected, as a cancelled
        invoice, so neither counts as paid."""
        for move in self:
            if move.state == "cancel" or move._crm_is_reversal():
                move.crm_state = "rejected"
            elif move.state == "draft":
                move.crm_state = "draft"
            elif move.payment_state in ("paid", "in_payment"):
                move.crm_state = "paid"
            else:
                move.crm_state = "billed"

    def _crm_is_reversal(self):
        """A posted invoice fully reversed by credit notes, or one of those."""
        self.ensure_one()
        return self.state == "posted" and (
            self.payment_state == "reversed"
            or (
                self.move_type == "out_refund"
                and self.crm_reversal_of_id.payment_state == "reversed"
            )
        )

    @api.depends("crm_manual_rate", "crm_currency_rate")
    def _compute_invoice_currency_rate(self):
        manual = self.filtered(lambda m: m._crm_uses_manual_rate())
        res = super(AccountMove, self - manual)._compute_invoice_currency_rate()
        for move in manual:
            move.invoice_currency_rate = move.crm_currency_rate
        return res

    def _crm_uses_manual_rate(self):
        self.ensure_one()
        return bool(
            self.crm_manual_rate
            and self.crm_currency_rate > 0
            and self.is_invoice(include_receipts=True)
            and self.currency_id
            and self.currency_id != self.company_currency_id
        )

    @api.onchange("crm_manual_rate")
    def _onchange_crm_manual_rate(self):
        """Ticked: start from the rate Odoo found."""
        if self.crm_manual_rate and not self.crm_currency_rate:
            self.crm_currency_rate = self.invoice_currency_rate

    @api.constrains("crm_manual_rate", "crm_currency_rate")
    def _check_crm_currency_rate(self):
        for move in self:
            if move.crm_manual_rate and move.crm_currency_rate <= 0:
                raise ValidationError(
                    self.env._(
                        "The manual exchange rate of %(invoice)s must be above zero.",
                        invoice=move.display_name,
                    )
                )

    @api.depends("partner_id")
    def _compute_currency_id(self):
        res = super()._compute_currency_id()
        for move in self:
            currency = move.partner_id.commercial_partner_id.crm_invoice_currency_id
            if (
                currency
                and move.state == "draft"
                and move.is_sale_document()
                # Odoo's own priorities: a bank statement's or journal's currency
                and not move.statement_line_id
                and not move.journal_id.currency_id
            ):
                move.currency_id = currency
        return res

    @api.constrains("opportunity_id", "partner_id")
    def _check_crm_opportunity_partner(self):
        for move in self.filtered("opportunity_id"):
            # sudo: compares two customers only; an accountant without CRM rights
            # copies, reverses and re-partners invoices that have an opportunity
            lead_entity = move.opportunity_id.sudo().partner_id.commercial_partner_id
            if lead_entity and lead_entity != move.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "The opportunity %(lead)s is for %(lead_partner)s, not for "
                        "%(partner)s: link the invoice to an opportunity of its "
                        "customer.",
                        lead=move.opportunity_id.sudo().name,
                        lead_partner=lead_entity.display_name,
                        partner=move.commercial_partner_id.display_name,
                    )
                )
