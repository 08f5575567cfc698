# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_voip_public_base_url = fields.Char(
        string="Public URL for Twilio",
        config_parameter="crm_voip.public_base_url",
        help="Address at which Twilio reaches this database (webhooks). "
        "Empty: the web base URL.",
    )

    def _crm_voip_public_base_url(self):
        """URL Twilio signs its webhooks with: the configured one, else web.base.url"""
        params = self.env["ir.config_parameter"].sudo()
        url = params.get_param("crm_voip.public_base_url") or params.get_param(
            "web.base.url"
        )
        return (url or "").rstrip("/")

    def action_crm_voip_open_account(self):
        """The current company's Twilio account (created empty the first time)."""
        Account = self.env["crm.voip.account"]
        Account._check_is_admin()
        account = Account.search([("company_id", "=", self.env.company.id)], limit=1)
        if not account:
            account = Account.create({"company_id": self.env.company.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.voip.account",
            "res_id": account.id,
            "view_mode": "form",
            "target": "current",
        }
