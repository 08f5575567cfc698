# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

SECTIONS = [
    ("funnel", "Sales funnel"),
    ("forecast", "Sales forecast"),
    ("won", "Won deals"),
    ("opportunities", "Opportunities"),
    ("contacts", "Contacts"),
    ("events", "Tasks and events"),
    ("invoices", "Invoices"),
    ("calls", "Calls"),
    ("summary", "Summary"),
]


class CrmReportLine(models.Model):
    """One figure row of a generated report: what its sheet shows, kept as records
    so that Odoo's graph and pivot views show the report in the browser."""

    _name = "crm.report.line"
    _description = "CRM report figure"
    _order = "report_id, id"  # the sections in the order of the report

    report_id = fields.Many2one(
        comodel_name="crm.report",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="report_id.currency_id")
    section = fields.Selection(SECTIONS, required=True)
    sequence = fields.Integer()
    label = fields.Char(string="Row", required=True)
    category = fields.Char(string="Type")
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson")
    no_access = fields.Boolean(string="No access")
    count = fields.Integer()
    amount = fields.Monetary(currency_field="currency_id")
    weighted_amount = fields.Monetary(
        string="Weighted amount", currency_field="currency_id"
    )
    won_count = fields.Integer(string="Won")
    won_amount = fields.Monetary(string="Won amount", currency_field="currency_id")
    lost_count = fields.Integer(string="Lost")
    reached_count = fields.Integer(string="Reached")
    rate = fields.Float(string="Conversion (%)", digits=(16, 1), aggregator=False)
    duration = fields.Float(string="Duration (h)", digits=(16, 2))
    original_amount = fields.Float(string="Amount in its currency", digits=(16, 2))
    original_currency_id = fields.Many2one(
        comodel_name="res.currency", string="Original currency"
    )
