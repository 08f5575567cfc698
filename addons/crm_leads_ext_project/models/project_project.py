# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    opportunity_id = fields.Many2one(
        comodel_name="crm.lead",
        index="btree_not_null",
        domain="[('type', '=', 'opportunity')]",
        help="The opportunity this project was created from.",
    )
