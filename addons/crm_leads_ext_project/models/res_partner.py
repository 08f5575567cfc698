# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields, models
from odoo.exceptions import UserError

from .crm_lead import check_project_right, form_action


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_project_count = fields.Integer(
        string="Project count", compute="_compute_crm_project_count"
    )

    def _compute_crm_project_count(self):
        """The projects of the partner and its contacts, as Odoo counts its tasks
        (project's _compute_task_count), with the user's own rights."""
        partners = self.with_context(active_test=False).search_fetch(
            [("id", "child_of", self._origin.ids)], ["parent_id"]
        )
        data = self.env["project.project"]._read_group(
            [("partner_id", "in", partners.ids)], ["partner_id"], ["__count"]
        )
        self.crm_project_count = 0
        origins = {partner._origin.id: partner for partner in self}
        for partner, count in data:
            while partner:
                if partner.id in origins:
                    origins[partner.id].crm_project_count += count
                partner = partner.parent_id

    def _crm_check_prospect(self):
        self.ensure_one()
        if self.crm_partner_type != "prospect":
            raise UserError(
                self.env._(
                    "%(partner)s is not a prospect: projects and tasks are created "
                    "here from prospects, and from opportunities.",
                    partner=self.display_name,
                )
            )

    def _crm_project_defaults(self):
        return {
            "default_name": self.name,
            "default_partner_id": self.id,
            "default_company_id": self.company_id.id or self.env.company.id,
        }

    def action_crm_create_project(self):
        """Axelor's *Tools > Generate a project* on a prospect: the project form,
        prefilled; it stays the customer's once the prospect is won."""
        self._crm_check_prospect()
        check_project_right(self.env, "project")
        return form_action(self.env, "project", self._crm_project_defaults())

    def action_crm_create_task(self):
        self._crm_check_prospect()
        check_project_right(self.env, "task")
        context = {
            **self._crm_project_defaults(),
            "default_user_ids": [Command.set(self.env.user.ids)],
        }
        return form_action(self.env, "task", context)

    def action_view_crm_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "project.open_view_project_all"
        )
        action["display_name"] = self.env._(
            "Projects of %(partner)s", partner=self.display_name
        )
        action["domain"] = [("partner_id", "child_of", self.id)]
        action["context"] = {
            key: value
            for key, value in self._crm_project_defaults().items()
            if key != "default_name"
        }
        return action
