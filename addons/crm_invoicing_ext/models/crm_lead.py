# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    crm_invoice_ids = fields.One2many(
        comodel_name="account.move", inverse_name="opportunity_id", string="Invoices"
    )
    crm_invoice_count = fields.Integer(
        string="Invoice count", compute="_compute_crm_invoice_stats"
    )
    crm_invoiced_amount = fields.Monetary(
        string="Invoiced",
        compute="_compute_crm_invoice_stats",
        currency_field="company_currency",
        help="Confirmed invoices minus credit notes, in the company's currency.",
    )

    def _compute_crm_invoice_stats(self):
        # A salesperson given "invoice from opportunities" may have no invoicing
        # rights (without the sale app, salespeople cannot read invoices): the count
        # and total of the invoices of an opportunity they read are computed as
        # superuser, within their companies.
        Move = self.env["account.move"].sudo()
        domain = [
            ("opportunity_id", "in", self.ids),
            ("company_id", "in", self.env.companies.ids),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "!=", "cancel"),
        ]
        counts = dict(Move._read_group(domain, ["opportunity_id"], ["__count"]))
        posted = domain + [("state", "=", "posted")]
        amounts = dict(
            Move._read_group(posted, ["opportunity_id"], ["amount_total_signed:sum"])
        )
        for lead in self:
            lead.crm_invoice_count = counts.get(lead, 0)
            lead.crm_invoiced_amount = amounts.get(lead, 0.0)

    def action_view_crm_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("opportunity_id", "=", self.id)]
        action["context"] = self._crm_invoice_defaults()
        return action

    def action_crm_create_invoice(self):
        """A draft invoice for the opportunity's customer, linked to it."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Invoice"),
            "res_model": "account.move",
            "view_mode": "form",
            "views": [(self.env.ref("account.view_move_form").id, "form")],
            "context": self._crm_invoice_defaults(),
        }

    def _crm_invoice_defaults(self):
        return {
            "default_move_type": "out_invoice",
            "default_partner_id": self.partner_id.id,
            "default_opportunity_id": self.id,
            "default_company_id": self.company_id.id or self.env.company.id,
            "default_invoice_user_id": self.user_id.id,
        }
