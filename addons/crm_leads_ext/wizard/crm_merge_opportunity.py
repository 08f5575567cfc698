# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class MergeOpportunity(models.TransientModel):
    """Odoo keeps the "most confident" lead when merging; the user may choose the
    original to keep instead, as in Axelor and in Odoo's contact merge."""

    _inherit = "crm.merge.opportunity"

    crm_original_id = fields.Many2one(
        comodel_name="crm.lead",
        string="Keep",
        domain="[('id', 'in', opportunity_ids)]",
        help="The lead or opportunity the others are merged into. Empty: Odoo "
        "chooses the most advanced one.",
    )

    def action_merge(self):
        self.ensure_one()
        return super(
            MergeOpportunity,
            self.with_context(crm_merge_original_id=self.crm_original_id.id),
        ).action_merge()
