# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""ONLYOFFICE's "Limit access": a contact or an opportunity private to chosen
users, or readable by every CRM user and writable only by the chosen ones, or
open to all (Odoo's usual behaviour, the default: installing the module changes
nobody's access until a record is restricted). Enforced by global record rules
(security/crm_leads_ext_security.xml), so every path that reads as the user —
searches, groupings, duplicate checks, conversion, merge — sees the same."""

from odoo import api, fields, models

ACCESS = [
    ("public_write", "Every user reads and writes"),
    ("public_read", "Every user reads, the allowed users write"),
    ("private", "Only the allowed users"),
]


class CrmAccessMixin(models.AbstractModel):
    _name = "crm.access.mixin"
    _description = "Restricted access to a contact or an opportunity"

    crm_access = fields.Selection(
        selection=ACCESS,
        string="Access",
        default="public_write",
        required=True,
        tracking=True,
        help="Who may see and change this record, besides its salesperson and the "
        "allowed users.",
    )
    crm_allowed_user_ids = fields.Many2many(
        comodel_name="res.users",
        string="Allowed users",
        domain="[('share', '=', False)]",
        help="Users who may always see and change this record.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._crm_access_keep_author(vals)
        records = super().create(vals_list)
        records.filtered("crm_allowed_user_ids")._crm_access_subscribe(creating=True)
        return records

    def write(self, vals):
        if vals.get("crm_access") in ("private", "public_read"):
            self.filtered(lambda r: self.env.user not in r.crm_allowed_user_ids).write(
                {"crm_allowed_user_ids": [fields.Command.link(self.env.uid)]}
            )
        res = super().write(vals)
        if "crm_allowed_user_ids" in vals:
            self._crm_access_subscribe()
        return res

    def _crm_access_subscribe(self, creating=False):
        """The allowed users follow the record (ONLYOFFICE informs them)."""
        author = self.env["res.partner"]
        context = self.env.context
        if (
            creating
            and not context.get("tracking_disable")
            and not context.get("mail_create_nosubscribe")
            and self.env.user.active
        ):
            # mail.thread's create subscribes its author without looking at the
            # followers (check_existing=False), around or after this create:
            # subscribing them here too would insert the same follower twice
            author = self.env.user.partner_id
        for record in self:
            partners = record.crm_allowed_user_ids.partner_id - author
            if partners:
                record.message_subscribe(partner_ids=partners.ids)

    def _crm_access_keep_author(self, vals):
        """Whoever restricts a record stays allowed on it (no lock-out)."""
        if vals.get("crm_access") in ("private", "public_read") and not self.env.su:
            users = vals.setdefault("crm_allowed_user_ids", [])
            users.append(fields.Command.link(self.env.uid))
