# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Whether the user is a VoIP operator, read by the softphone service at
        start: only operators ask the server for their numbers and recent calls,
        so the web client of everyone else makes no request of ours."""
        result = super().session_info()
        if self.env.user._is_internal():
            result["crm_voip_operator"] = self.env.user.has_group(
                "crm_voip.group_crm_voip_operator"
            )
        return result
