# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The fixed list of event types: each one is a process, never customised.
EVENT_KINDS = [
    ("event", "Event"),
    ("note", "Note"),
    ("call", "Call"),
    ("meeting", "Meeting"),
    ("task", "Task"),
    ("absence", "Absence"),
    ("email", "E-mail"),
]


class CrmEventCategory(models.Model):
    """Categories sort events within a fixed type.

    Odoo's calendar.event.type has a name unique across the whole database and not
    translatable, which cannot hold per-company codes nor FR/EN default names.
    """

    _name = "crm.event.category"
    _description = "CRM Event Category"
    _order = "kind, sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    kind = fields.Selection(
        EVENT_KINDS, string="Type", required=True, default="meeting", index=True
    )
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        help="Leave empty to share the category between all companies.",
    )

    @api.constrains("code", "company_id")
    def _check_code_unique(self):
        """A code is unique per company; a shared category clashes with every one."""
        codes = set(self.mapped("code"))
        others = self.with_context(active_test=False).search(
            [("code", "in", list(codes)), ("id", "not in", self.ids)]
        )
        for category in self:
            clash = (others | (self - category)).filtered(
                lambda c, cat=category: c.code == cat.code
                and (
                    not c.company_id
                    or not cat.company_id
                    or c.company_id == cat.company_id
                )
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "The code %(code)s is already used by the category %(name)s.",
                        code=category.code,
                        name=clash[0].display_name,
                    )
                )
