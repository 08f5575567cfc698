# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    voip_status = fields.Selection(
        selection=[("online", "Online"), ("offline", "Offline")],
        string="VoIP status",
        default="offline",
        help="Inbound calls ring the browsers of online operators only.",
    )
    voip_identity = fields.Char(
        string="VoIP identity",
        compute="_compute_voip_identity",
        help="The user's name for Twilio's softphone: stable, one per user.",
    )
    voip_operator_ids = fields.One2many(
        comodel_name="crm.voip.operator",
        inverse_name="user_id",
        string="VoIP numbers",
        groups="crm_voip.group_crm_voip_operator",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["voip_status", "voip_identity"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["voip_status"]

    def _crm_voip_identity_prefix(self):
        """Twilio client identities are unique per database and user."""
        dbname = re.sub(r"[^A-Za-z0-9]", "_", self.env.cr.dbname)
        return f"odoo_{dbname}_"

    def _compute_voip_identity(self):
        prefix = self._crm_voip_identity_prefix()
        for user in self:
            user.voip_identity = f"{prefix}{user.id}" if user.id else False

    @api.model
    def _crm_voip_from_identity(self, identity):
        """The user behind a Twilio ``client:…`` party of this database, if any."""
        identity = (identity or "").removeprefix("client:")
        user_id = identity.removeprefix(self._crm_voip_identity_prefix())
        if user_id == identity or not user_id.isdigit():
            return self.browse()
        return self.browse(int(user_id)).exists()
