# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    group_crm_invoice_opportunity = fields.Boolean(
        string="Invoice from opportunities",
        implied_group="crm_invoicing_ext.group_crm_invoice_opportunity",
    )
    crm_invoice_journal_id = fields.Many2one(
        comodel_name="account.journal",
        string="Sales journal",
        compute="_compute_crm_invoice_journal_id",
        help="The company's default sales journal; other journals are set on "
        "their own form (Accounting > Configuration > Journals).",
    )
    crm_numbering = fields.Boolean(
        related="crm_invoice_journal_id.crm_numbering", readonly=False
    )
    crm_invoice_prefix = fields.Char(
        related="crm_invoice_journal_id.crm_invoice_prefix", readonly=False
    )
    crm_refund_prefix = fields.Char(
        related="crm_invoice_journal_id.crm_refund_prefix", readonly=False
    )
    crm_invoice_padding = fields.Integer(
        related="crm_invoice_journal_id.crm_invoice_padding", readonly=False
    )
    crm_invoice_next_number = fields.Integer(
        related="crm_invoice_journal_id.crm_invoice_next_number", readonly=False
    )
    crm_invoice_auto = fields.Boolean(
        related="crm_invoice_journal_id.crm_invoice_auto", readonly=False
    )

    @api.depends("company_id")
    def _compute_crm_invoice_journal_id(self):
        for settings in self:
            settings.crm_invoice_journal_id = self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(
                        settings.company_id
                    ),
                    ("type", "=", "sale"),
                ],
                limit=1,
            )
