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

    catalogue_ids = fields.Many2many(comodel_name="crm.catalogue", string="Catalogues")
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
        string="Skipped",
        compute="_compute_skipped_partner_ids",
    )
    skipped_reasons = fields.Text(
        string="Not sent to", compute="_compute_skipped_partner_ids"
    )

    @api.depends("partner_ids")
    def _compute_skipped_partner_ids(self):
        for wizard in self:
            reasons = wizard._crm_skip_reasons()
            wizard.skipped_partner_ids = self.env["res.partner"].union(*reasons)
            wizard.skipped_reasons = "\n".join(
                f"{partner.display_name}: {reason}"
                for partner, reason in reasons.items()
            )

    def _crm_skip_reasons(self):
        """{contact: why the catalogue is not sent to them}, in the chosen order."""
        partners = self.partner_ids
        # the email is posted on the contact as the user: Odoo asks for write access
        # (_origin: in the form's onchange the contacts are new records)
        writable = partners._origin._filtered_access("write")
        reasons = {}
        for partner in partners:
            if partner.is_blacklisted:
                reasons[partner] = self.env._("asked not to be emailed")
            elif not partner.email_normalized:
                reasons[partner] = self.env._("no email address")
            elif partner._origin not in writable:
                reasons[partner] = self.env._(
                    "you may read this contact but not change it"
                )
        return reasons

    def _crm_check_catalogues(self):
        """The catalogues to send, refused (translated) unless the user may read
        each of them: another company's catalogue never goes out by sudo()."""
        catalogues = self.sudo().catalogue_ids
        if not catalogues:
            raise UserError(self.env._("Choose at least one catalogue to send."))
        allowed = catalogues.with_env(self.env)._filtered_access("read")
        foreign = catalogues.filtered(
            lambda c: c.id not in allowed.ids
            or (c.company_id and c.company_id not in self.env.user.company_ids)
        )
        if foreign:
            raise UserError(
                self.env._(
                    "You may not send %(names)s: choose catalogues of your companies.",
                    names=", ".join(foreign.mapped("name")),
                )
            )
        return catalogues.with_env(self.env)

    def action_send(self):
        self.ensure_one()
        catalogues = self._crm_check_catalogues()
        if not self.partner_ids:
            raise UserError(self.env._("Choose at least one contact to send to."))
        if not self.template_id:
            raise UserError(self.env._("Choose an email template."))
        reasons = self._crm_skip_reasons()
        skipped = self.env["res.partner"].union(*reasons)
        skipped_text = ", ".join(
            f"{partner.display_name} ({reason})" for partner, reason in reasons.items()
        )
        recipients = self.partner_ids - skipped
        if not recipients:
            raise UserError(
                self.env._(
                    "Nothing was sent: %(names)s.",
                    names=skipped_text,
                )
            )
        # sudo: only to read the PDF attachments of catalogues the user may read
        # (checked by _crm_check_catalogues above, company included)
        attachments = [
            (
                catalogue.pdf_filename or f"{catalogue.name}.pdf",
                base64.b64decode(catalogue.with_context(bin_size=False).pdf_file),
            )
            for catalogue in catalogues.sudo()
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
        # _message_log_batch: a note on each catalogue, which a salesperson may
        # only read (message_post would ask for write access); it writes as sudo,
        # and the user's read access to each catalogue was checked by
        # _crm_check_catalogues above.
        log = self.env._(
            "Sent to %(names)s.", names=", ".join(recipients.mapped("display_name"))
        )
        catalogues._message_log_batch(bodies=dict.fromkeys(catalogues.ids, log))
        message = self.env._(
            "Catalogue sent to %(count)s contact(s).", count=len(recipients)
        )
        if skipped:
            message += " " + self.env._("Not sent to %(names)s.", names=skipped_text)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "warning" if skipped else "success",
                "sticky": bool(skipped),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
