# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError


class CrmCatalogueSend(models.TransientModel):
    """Send catalogues to contacts with an admin-editable template, in each
    contact's language; contacts who asked not to be emailed are skipped."""

    _name = "crm.catalogue.send"
    _description = "Send catalogues by email"

    catalogue_ids = fields.Many2many(
        comodel_name="crm.catalogue", string="Catalogues", required=True
    )
    partner_ids = fields.Many2many(comodel_name="res.partner", string="Recipients")
    template_id = fields.Many2one(
        comodel_name="mail.template",
        string="Email template",
        domain="[('model', '=', 'res.partner')]",
        default=lambda self: self.env.ref(
            "crm_leads_ext.mail_template_catalogue", raise_if_not_found=False
        ),
    )
    skipped_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="crm_catalogue_send_skipped_rel",
        string="Skipped (do not email or no email)",
        compute="_compute_skipped_partner_ids",
    )

    @api.depends("partner_ids")
    def _compute_skipped_partner_ids(self):
        for wizard in self:
            wizard.skipped_partner_ids = wizard.partner_ids.filtered(
                lambda p: p.is_blacklisted or not p.email_normalized
            )

    def action_send(self):
        self.ensure_one()
        if not self.partner_ids:
            raise UserError(self.env._("Choose at least one contact to send to."))
        if not self.template_id:
            raise UserError(self.env._("Choose an email template."))
        recipients = self.partner_ids - self.skipped_partner_ids
        if not recipients:
            raise UserError(
                self.env._(
                    "Nothing was sent: every chosen contact asked not to be emailed "
                    "or has no email address (%(names)s).",
                    names=", ".join(self.skipped_partner_ids.mapped("display_name")),
                )
            )
        attachments = [
            (
                catalogue.pdf_filename or f"{catalogue.name}.pdf",
                base64.b64decode(catalogue.with_context(bin_size=False).pdf_file),
            )
            for catalogue in self.catalogue_ids.sudo()
        ]
        # one rendering per field for every recipient, each in their language
        template = self.template_id
        subjects = template._render_field("subject", recipients.ids, compute_lang=True)
        bodies = template._render_field("body_html", recipients.ids, compute_lang=True)
        for partner in recipients:
            partner.message_post(
                body=bodies[partner.id],
                subject=subjects[partner.id],
                partner_ids=partner.ids,
                attachments=attachments,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
            )
        for catalogue in self.catalogue_ids:
            catalogue.message_post(
                body=self.env._(
                    "Sent to %(names)s.",
                    names=", ".join(recipients.mapped("display_name")),
                )
            )
        message = self.env._(
            "Catalogue sent to %(count)s contact(s).", count=len(recipients)
        )
        if self.skipped_partner_ids:
            message += " " + self.env._(
                "Not sent to %(names)s (do not email or no email address).",
                names=", ".join(self.skipped_partner_ids.mapped("display_name")),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if self.skipped_partner_ids else "success",
                "sticky": bool(self.skipped_partner_ids),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
