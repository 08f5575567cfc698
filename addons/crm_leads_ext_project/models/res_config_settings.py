# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # One switch, two groups: Odoo lets project users create tasks and project
    # administrators create projects, so each group is implied by the matching
    # project group, not by every internal user.
    group_crm_lead_task = fields.Boolean(
        string="Projects and tasks from opportunities",
        implied_group="crm_leads_ext_project.group_crm_lead_task",
        group="project.group_project_user",
    )
    group_crm_lead_project = fields.Boolean(
        string="Projects from opportunities",
        implied_group="crm_leads_ext_project.group_crm_lead_project",
        group="project.group_project_manager",
        compute="_compute_group_crm_lead_project",
        readonly=False,
    )

    @api.depends("group_crm_lead_task")
    def _compute_group_crm_lead_project(self):
        for settings in self:
            settings.group_crm_lead_project = settings.group_crm_lead_task
