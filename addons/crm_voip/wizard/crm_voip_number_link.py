# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError

from ..models.crm_voip_account import ROUTE_STATUS, ROUTE_VOICE


class CrmVoipNumberLink(models.TransientModel):
    """Link numbers the Twilio account already owns."""

    _name = "crm.voip.number.link"
    _description = "Link a Twilio Number"

    account_id = fields.Many2one(
        comodel_name="crm.voip.account", string="Twilio account", required=True
    )
    line_ids = fields.One2many(
        comodel_name="crm.voip.number.link.line",
        inverse_name="link_id",
        string="Numbers owned",
    )

    def _load_owned_numbers(self):
        """The account's numbers that are not linked yet."""
        self.ensure_one()
        account = self.account_id
        with account._twilio_errors():
            owned = account._gateway().owned_numbers()
        linked = set(
            self.env["crm.voip.number"]
            .with_context(active_test=False)
            .sudo()
            .search([("phone_number", "in", [rec["phone_number"] for rec in owned])])
            .mapped("phone_number")
        )
        self.line_ids = [
            (
                0,
                0,
                {
                    "twilio_sid": rec["sid"],
                    "phone_number": rec["phone_number"],
                    "friendly_name": rec["friendly_name"],
                    "voice_url": rec["voice_url"],
                },
            )
            for rec in owned
            if rec["phone_number"] not in linked
        ]

    def action_link(self):
        """Point the selected numbers at this database and add them here."""
        self.ensure_one()
        account = self.account_id
        lines = self.line_ids.filtered("selected")
        if not lines:
            raise UserError(self.env._("Tick the numbers to link."))
        gateway = account._gateway()
        with account._twilio_errors():
            for line in lines:
                gateway.point_number(
                    line.twilio_sid,
                    account._webhook_url(ROUTE_VOICE),
                    account._webhook_url(ROUTE_STATUS),
                )
        numbers = self.env["crm.voip.number"].create(
            [
                {
                    "account_id": account.id,
                    "phone_number": line.phone_number,
                    "friendly_name": line.friendly_name,
                    "twilio_sid": line.twilio_sid,
                }
                for line in lines
            ]
        )
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_voip.crm_voip_number_action"
        )
        action["domain"] = [("id", "in", numbers.ids)]
        return action


class CrmVoipNumberLinkLine(models.TransientModel):
    _name = "crm.voip.number.link.line"
    _description = "Twilio Number Owned"

    link_id = fields.Many2one(
        comodel_name="crm.voip.number.link", required=True, ondelete="cascade"
    )
    selected = fields.Boolean(string="To link")
    twilio_sid = fields.Char(string="Twilio SID", required=True)
    phone_number = fields.Char(string="Number", required=True)
    friendly_name = fields.Char(string="Label")
    voice_url = fields.Char(string="Current voice URL")
