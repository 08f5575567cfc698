# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, models
from odoo.tools import plaintext2html


class AccountMoveSend(models.AbstractModel):
    _inherit = "account.move.send"

    @api.model
    def _get_default_mail_body(self, move, mail_template, mail_lang):
        """The invoice's e-mail remarks close the body Odoo renders from its own
        template (Print & Send, single or batch); the template record is not
        changed, and invoices without remarks are mailed as before."""
        body = super()._get_default_mail_body(move, mail_template, mail_lang)
        if not body or not move.crm_mail_remarks:
            return body
        return Markup(body) + Markup('<div class="o_crm_mail_remarks">%s</div>') % (
            plaintext2html(move.crm_mail_remarks)
        )
