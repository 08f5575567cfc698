# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError


class CrmVoipOperator(models.Model):
    """A user answering a number; their rights are the number's AND their own."""

    _name = "crm.voip.operator"
    _description = "Virtual Number Operator"
    _check_company_auto = True
    _order = "number_id, id"
    _rec_name = "user_id"

    number_id = fields.Many2one(
        comodel_name="crm.voip.number",
        required=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(
        related="number_id.company_id", store=True, index=True, precompute=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Operator",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
    )
    allow_outgoing = fields.Boolean(string="Outgoing calls", default=True)
    record_calls = fields.Boolean(string="Call recording", default=True)
    can_call_out = fields.Boolean(
        string="May call out",
        compute="_compute_rights",
        help="Outgoing calls are on for both the number and the operator.",
    )
    must_record = fields.Boolean(
        string="Recorded",
        compute="_compute_rights",
        help="Recording is on for both the number and the operator.",
    )

    _sql_constraints = [
        (
            "number_user_uniq",
            "unique (number_id, user_id)",
            "This user already operates this number.",
        ),
    ]

    @api.depends(
        "allow_outgoing",
        "record_calls",
        "number_id.allow_outgoing",
        "number_id.record_calls",
    )
    def _compute_rights(self):
        for operator in self:
            number = operator.number_id
            operator.can_call_out = number.allow_outgoing and operator.allow_outgoing
            operator.must_record = number.record_calls and operator.record_calls

    @api.constrains("user_id")
    def _check_internal_user(self):
        shared = self.user_id.filtered("share")
        if shared:
            raise ValidationError(
                self.env._(
                    "%(names)s cannot operate a number: choose internal users.",
                    names=", ".join(shared.mapped("name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        operators = super().create(vals_list)
        operators._grant_operator_group()
        return operators

    def write(self, vals):
        former_users = self.user_id if "user_id" in vals else self.env["res.users"]
        res = super().write(vals)
        if "user_id" in vals:
            self._grant_operator_group()
            self._revoke_operator_group(former_users - self.user_id)
        return res

    def unlink(self):
        users = self.user_id
        res = super().unlink()
        self._revoke_operator_group(users)
        return res

    def _grant_operator_group(self):
        """An operator of a number is a VoIP operator (the softphone follows).

        The operator group gives VoIP rights only (it implies *Internal user*),
        so a VoIP manager grants nothing that Odoo reserves to user admins."""
        group = self.env.ref("crm_voip.group_crm_voip_operator")
        users = self.user_id.filtered(lambda u: group not in u.groups_id)
        if users:
            # sudo: res.groups is written by user admins only; the caller may
            # create these operators (ACL and rules of crm.voip.operator), the
            # users are internal (_check_internal_user) and the group grants
            # VoIP rights only.
            group.sudo().write({"users": [Command.link(uid) for uid in users.ids]})

    @api.model
    def _revoke_operator_group(self, users):
        """Users who operate no number any more (in any company) leave the operator
        group and go offline; VoIP managers keep it through their group."""
        if not users:
            return
        still = self.sudo().search([("user_id", "in", users.ids)]).user_id
        manager = self.env.ref("crm_voip.group_crm_voip_manager")
        leaving = (users - still).sudo().filtered(lambda u: manager not in u.groups_id)
        if leaving:
            group = self.env.ref("crm_voip.group_crm_voip_operator")
            # sudo: the caller was allowed to remove these operators (ACL and
            # rules of crm.voip.operator / crm.voip.number, checked just before).
            leaving.write({"voip_status": "offline"})
            group.sudo().write({"users": [Command.unlink(uid) for uid in leaving.ids]})
