# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.crm_duplicate import DUPLICATE_KEYS

MAX_GROUPS = 500


class CrmDuplicateCheck(models.TransientModel):
    """Axelor's "Vérifier les doublons": choose the values to compare, see the
    groups of records sharing them, merge a group with Odoo's own wizards."""

    _name = "crm.duplicate.check"
    _description = "Check duplicates"

    res_model = fields.Selection(
        selection=[("crm.lead", "Leads"), ("res.partner", "Contacts")],
        string="Records",
        required=True,
        default="crm.lead",
    )
    compare_company = fields.Boolean(string="Company name")
    compare_name = fields.Boolean(string="Contact name")
    compare_email = fields.Boolean(string="Email", default=True)
    compare_phone = fields.Boolean(string="Phone")
    compare_function = fields.Boolean(string="Job position")
    group_ids = fields.One2many(
        comodel_name="crm.duplicate.check.group",
        inverse_name="check_id",
        string="Duplicates",
    )
    group_count = fields.Integer(compute="_compute_group_count")

    @api.depends("group_ids")
    def _compute_group_count(self):
        for check in self:
            check.group_count = len(check.group_ids)

    def _keys(self):
        return [key for key in DUPLICATE_KEYS if self[f"compare_{key}"]]

    def action_check(self):
        self.ensure_one()
        keys = self._keys()
        if not keys:
            raise UserError(self.env._("Choose at least one value to compare."))
        Model = self.env[self.res_model]
        groups = Model._crm_duplicate_groups(keys, limit=MAX_GROUPS)
        field = "lead_ids" if self.res_model == "crm.lead" else "partner_ids"
        self.group_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "values": " · ".join(str(value) for value in values),
                    "count": len(records),
                    field: [fields.Command.set(records.ids)],
                }
            )
            for values, records in groups
        ]
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Check duplicates"),
        }


class CrmDuplicateCheckGroup(models.TransientModel):
    _name = "crm.duplicate.check.group"
    _description = "Group of duplicates"
    _order = "count desc, id"

    check_id = fields.Many2one(
        comodel_name="crm.duplicate.check", required=True, ondelete="cascade"
    )
    values = fields.Char(string="Shared values")
    count = fields.Integer(string="Records")
    lead_ids = fields.Many2many(comodel_name="crm.lead", string="Leads")
    partner_ids = fields.Many2many(comodel_name="res.partner", string="Contacts")

    def action_merge(self):
        """Odoo's own merge wizard, on the group's records."""
        self.ensure_one()
        if self.lead_ids:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Merge"),
                "res_model": "crm.merge.opportunity",
                "view_mode": "form",
                "target": "new",
                "context": {
                    "active_model": "crm.lead",
                    "active_ids": self.lead_ids.ids,
                },
            }
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Merge"),
            "res_model": "base.partner.merge.automatic.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": self.partner_ids.ids,
            },
        }
