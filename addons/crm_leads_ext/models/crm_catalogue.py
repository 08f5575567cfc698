# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import ValidationError

MAX_SIZE_PARAM = "crm_leads_ext.catalogue_max_size_mb"
DEFAULT_MAX_SIZE_MB = 20


class CrmCatalogueType(models.Model):
    _name = "crm.catalogue.type"
    _description = "Catalogue type"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )


class CrmCatalogue(models.Model):
    """Axelor's catalogues: a PDF to show and to send to contacts."""

    _name = "crm.catalogue"
    _description = "Catalogue"
    _inherit = ["mail.thread", "image.mixin"]
    _order = "name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    type_id = fields.Many2one(comodel_name="crm.catalogue.type", tracking=True)
    pdf_file = fields.Binary(string="PDF file", attachment=True, required=True)
    pdf_filename = fields.Char(string="File name")
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share the catalogue between companies.",
    )
    active = fields.Boolean(default=True)

    @api.model
    def _max_size_mb(self):
        value = (
            self.env["ir.config_parameter"].sudo().get_param(MAX_SIZE_PARAM) or ""
        ).strip()
        return int(value) if value.isdigit() else DEFAULT_MAX_SIZE_MB

    @api.constrains("pdf_file")
    def _check_pdf_file(self):
        limit = self._max_size_mb()
        for catalogue in self.with_context(bin_size=False):
            data = catalogue.pdf_file
            if not data:
                continue
            try:
                head = base64.b64decode(data[:12])
            except (binascii.Error, ValueError):
                head = b""
            if not head.startswith(b"%PDF-"):
                raise ValidationError(
                    self.env._(
                        "“%(file)s” is not a PDF file: a catalogue must be a PDF.",
                        file=catalogue.pdf_filename or catalogue.name,
                    )
                )
            size = len(data) * 3 // 4  # base64 holds 3 bytes in 4 characters
            if size > limit * 1024 * 1024:
                raise ValidationError(
                    self.env._(
                        "“%(file)s” is %(size)s MB: catalogues are limited to "
                        "%(limit)s MB.",
                        file=catalogue.pdf_filename or catalogue.name,
                        size=round(size / 1024 / 1024, 1),
                        limit=limit,
                    )
                )

    def _pdf_url(self, download=False):
        self.ensure_one()
        filename = self.pdf_filename or f"{self.name}.pdf"
        return (
            f"/web/content/crm.catalogue/{self.id}/pdf_file/{filename}"
            f"?download={'true' if download else 'false'}"
        )

    def action_show_pdf(self):
        """Open the PDF in the browser's own viewer (download from there)."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self._pdf_url(), "target": "new"}

    def action_send_by_email(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send the catalogue"),
            "res_model": "crm.catalogue.send",
            "view_mode": "form",
            "target": "new",
            "context": {"default_catalogue_ids": self.ids},
        }
