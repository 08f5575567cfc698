# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..models.crm_voip_account import ROUTE_STATUS, ROUTE_VOICE


class CrmVoipNumberSearch(models.TransientModel):
    """Search Twilio's available numbers and buy one."""

    _name = "crm.voip.number.search"
    _description = "Buy a Twilio Number"

    account_id = fields.Many2one(
        comodel_name="crm.voip.account",
        string="Twilio account",
        required=True,
        default=lambda self: self.env["crm.voip.account"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    country_id = fields.Many2one(
        comodel_name="res.country",
        required=True,
        default=lambda self: self.env.company.country_id,
    )
    number_type = fields.Selection(
        selection=[
            ("local", "Local"),
            ("mobile", "Mobile"),
            ("toll_free", "Toll-free"),
        ],
        string="Type",
        default="local",
        required=True,
    )
    area_code = fields.Char()
    contains = fields.Char(help="Digits or letters the number contains.")
    line_ids = fields.One2many(
        comodel_name="crm.voip.number.search.line",
        inverse_name="search_id",
        string="Available numbers",
    )

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Buy a number"),
        }

    def action_search(self):
        self.ensure_one()
        account = self.account_id
        with account._twilio_errors():
            found = account._gateway().search_numbers(
                self.country_id.code,
                self.number_type,
                area_code=self.area_code,
                contains=self.contains,
            )
        self.line_ids = [(5, 0, 0)] + [
            (
                0,
                0,
                {
                    "phone_number": rec["phone_number"],
                    "friendly_name": rec["friendly_name"],
                    "locality": rec["locality"],
                    "region": rec["region"],
                },
            )
            for rec in found
        ]
        return self._reopen()


class CrmVoipNumberSearchLine(models.TransientModel):
    _name = "crm.voip.number.search.line"
    _description = "Available Twilio Number"

    search_id = fields.Many2one(
        comodel_name="crm.voip.number.search", required=True, ondelete="cascade"
    )
    phone_number = fields.Char(string="Number", required=True)
    friendly_name = fields.Char(string="Label")
    locality = fields.Char()
    region = fields.Char()

    def action_buy(self):
        """Buy the number at Twilio, pointed at this database, and add it here."""
        self.ensure_one()
        account = self.search_id.account_id
        with account._twilio_errors():
            bought = account._gateway().buy_number(
                self.phone_number,
                account._webhook_url(ROUTE_VOICE),
                account._webhook_url(ROUTE_STATUS),
            )
        number = self.env["crm.voip.number"].create(
            {
                "account_id": account.id,
                "phone_number": bought["phone_number"],
                "friendly_name": bought["friendly_name"],
                "twilio_sid": bought["sid"],
                "country_id": self.search_id.country_id.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.voip.number",
            "res_id": number.id,
            "view_mode": "form",
            "target": "current",
        }
