# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import phonenumbers

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.twilio_gateway import normalize_e164
from .crm_voip_account import ROUTE_STATUS, ROUTE_VOICE


class CrmVoipNumber(models.Model):
    """A Twilio virtual number: who answers it, and whether it calls out and records."""

    _name = "crm.voip.number"
    _description = "Virtual Number"
    _inherit = ["mail.thread"]
    _check_company_auto = True
    _order = "phone_number"
    _rec_name = "phone_number"

    account_id = fields.Many2one(
        comodel_name="crm.voip.account",
        string="Twilio account",
        required=True,
        ondelete="restrict",
        check_company=True,
        default=lambda self: self.env["crm.voip.account"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        ),
    )
    company_id = fields.Many2one(
        related="account_id.company_id", store=True, index=True, precompute=True
    )
    phone_number = fields.Char(
        string="Number", required=True, copy=False, tracking=True, help="E.164."
    )
    friendly_name = fields.Char(string="Label")
    twilio_sid = fields.Char(string="Twilio SID", copy=False, readonly=True)
    country_id = fields.Many2one(
        comodel_name="res.country",
        compute="_compute_country_id",
        store=True,
        readonly=False,
        help="Reads the national numbers dialled or received on this number.",
    )
    allow_outgoing = fields.Boolean(
        string="Outgoing calls", default=True, tracking=True
    )
    record_calls = fields.Boolean(string="Call recording", tracking=True)
    ring_timeout = fields.Integer(
        string="Ring timeout (s)",
        default=30,
        tracking=True,
        help="How long operators' browsers ring before the call counts as missed.",
    )
    operator_ids = fields.One2many(
        comodel_name="crm.voip.operator", inverse_name="number_id", string="Operators"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("phone_number_uniq", "unique (phone_number)", "This number already exists."),
        (
            "ring_timeout_check",
            "CHECK (ring_timeout BETWEEN 5 AND 600)",
            "The ring timeout lies between 5 and 600 seconds.",
        ),
    ]

    @api.depends("phone_number")
    def _compute_country_id(self):
        regions = {}
        for number in self:
            if number.country_id or not number.phone_number:
                continue
            try:
                regions[number] = phonenumbers.region_code_for_number(
                    phonenumbers.parse(number.phone_number)
                )
            except phonenumbers.NumberParseException:
                continue
        if not regions:
            return
        Country = self.env["res.country"]
        countries = Country.search([("code", "in", list(set(regions.values())))])
        by_code = countries.grouped("code")
        for number, region in regions.items():
            number.country_id = by_code.get(region, Country)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("phone_number"):
                vals["phone_number"] = self._normalize_own_number(vals["phone_number"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("phone_number"):
            vals = dict(
                vals, phone_number=self._normalize_own_number(vals["phone_number"])
            )
        return super().write(vals)

    def unlink(self):
        # the operators go with their number (ondelete cascade, in SQL): their
        # users may leave the operator group
        users = self.sudo().operator_ids.user_id
        res = super().unlink()
        self.env["crm.voip.operator"]._revoke_operator_group(users)
        return res

    @api.model
    def _normalize_own_number(self, number):
        e164 = normalize_e164(number)
        if not e164:
            raise ValidationError(
                self.env._(
                    "%(number)s is not an international phone number (+33…).",
                    number=number,
                )
            )
        return e164

    @api.depends("phone_number", "friendly_name")
    def _compute_display_name(self):
        for number in self:
            if number.friendly_name and number.friendly_name != number.phone_number:
                number.display_name = f"{number.phone_number} ({number.friendly_name})"
            else:
                number.display_name = number.phone_number or ""

    def _operators_to_ring(self):
        """Online operators of this number in its company, at most 10 (Twilio's max)."""
        self.ensure_one()
        return self.operator_ids.filtered(
            lambda op: op.user_id.active
            and op.user_id.voip_status == "online"
            and self.company_id in op.user_id.company_ids
        )[:10]

    # ACTIONS -----------------------------------------------------------------------
    def action_point_to_odoo(self):
        """Point the numbers' voice URL and status callback at this database."""
        for number in self.filtered("twilio_sid"):
            account = number.account_id
            with account._twilio_errors():
                account._gateway().point_number(
                    number.twilio_sid,
                    account._webhook_url(ROUTE_VOICE),
                    account._webhook_url(ROUTE_STATUS),
                )
        return True

    def action_release(self):
        """Give the number back to Twilio (it cannot be recovered), then delete it."""
        self.ensure_one()
        if self.twilio_sid:
            with self.account_id._twilio_errors():
                self.account_id._gateway().release_number(self.twilio_sid)
        self.unlink()
        return {"type": "ir.actions.act_window_close"}
