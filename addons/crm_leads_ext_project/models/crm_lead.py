# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, fields, models
from odoo.exceptions import UserError

TASK_GROUP = "crm_leads_ext_project.group_crm_lead_task"
PROJECT_GROUP = "crm_leads_ext_project.group_crm_lead_project"


def check_project_right(env, kind):
    """The buttons show only to the users of the group; a call from elsewhere
    gets the same answer as a clear error (Odoo's access rules stay the last
    word when the form is saved)."""
    if kind == "project" and not env.user.has_group(PROJECT_GROUP):
        raise UserError(
            env._(
                "Creating a project from an opportunity or a prospect takes the "
                "Project Administrator rights, and the feature switched on in the "
                "CRM settings."
            )
        )
    if kind == "task" and not env.user.has_group(TASK_GROUP):
        raise UserError(
            env._(
                "Creating a task from an opportunity or a prospect takes the "
                "Project User rights, and the feature switched on in the CRM "
                "settings."
            )
        )


def form_action(env, kind, context):
    """Odoo's own project or task form, new record, prefilled by ``context``
    (as sale_crm's *New Quotation* opens the quotation form)."""
    model, view, name = {
        "project": ("project.project", "project.edit_project", env._("Project")),
        "task": ("project.task", "project.view_task_form2", env._("Task")),
    }[kind]
    return {
        "type": "ir.actions.act_window",
        "name": name,
        "res_model": model,
        "view_mode": "form",
        "views": [(env.ref(view).id, "form")],
        "target": "current",
        "context": context,
    }


class CrmLead(models.Model):
    _inherit = "crm.lead"

    crm_project_ids = fields.One2many(
        comodel_name="project.project", inverse_name="opportunity_id", string="Projects"
    )
    crm_task_ids = fields.One2many(
        comodel_name="project.task", inverse_name="opportunity_id", string="Tasks"
    )
    crm_project_count = fields.Integer(
        string="Project count", compute="_compute_crm_project_counts"
    )
    crm_task_count = fields.Integer(
        string="Task count", compute="_compute_crm_project_counts"
    )

    def _compute_crm_project_counts(self):
        # counted with the user's own rights: the button opens what they may read
        domain = [("opportunity_id", "in", self._origin.ids)]
        groupby, aggregates = ["opportunity_id"], ["__count"]
        projects = dict(
            self.env["project.project"]._read_group(domain, groupby, aggregates)
        )
        tasks = dict(self.env["project.task"]._read_group(domain, groupby, aggregates))
        for lead in self:
            lead.crm_project_count = projects.get(lead._origin, 0)
            lead.crm_task_count = tasks.get(lead._origin, 0)

    def _crm_check_opportunity(self):
        self.ensure_one()
        if self.type != "opportunity":
            raise UserError(
                self.env._(
                    "Projects and tasks are created from opportunities: convert "
                    "the lead %(lead)s into an opportunity first.",
                    lead=self.name,
                )
            )

    def _crm_project_defaults(self):
        return {
            "default_name": self.name,
            "default_partner_id": self.partner_id.id,
            "default_opportunity_id": self.id,
            "default_company_id": self.company_id.id or self.env.company.id,
        }

    def action_crm_create_project(self):
        """Axelor's *Generate a project*: the project form, prefilled."""
        self._crm_check_opportunity()
        check_project_right(self.env, "project")
        return form_action(self.env, "project", self._crm_project_defaults())

    def action_crm_create_task(self):
        """ONLYOFFICE's task of an opportunity: the task form, prefilled, assigned
        to the user, in the opportunity's latest project if it has one."""
        self._crm_check_opportunity()
        check_project_right(self.env, "task")
        context = {
            **self._crm_project_defaults(),
            "default_user_ids": [Command.set(self.env.user.ids)],
        }
        project = self.env["project.project"].search(
            [("opportunity_id", "=", self.id)], order="id desc", limit=1
        )
        if project:
            context["default_project_id"] = project.id
        return form_action(self.env, "task", context)

    def action_view_crm_projects(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "project.open_view_project_all"
        )
        action["display_name"] = self.env._(
            "Projects of %(opportunity)s", opportunity=self.name
        )
        return self._crm_linked_action(action, self.crm_project_ids, "project")

    def action_view_crm_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "project.project_task_action_from_partner"
        )
        action["display_name"] = self.env._(
            "Tasks of %(opportunity)s", opportunity=self.name
        )
        return self._crm_linked_action(action, self.crm_task_ids, "task")

    def _crm_linked_action(self, action, records, kind):
        action["domain"] = [("opportunity_id", "=", self.id)]
        action["context"] = {
            key: value
            for key, value in self._crm_project_defaults().items()
            if key != "default_name"
        }
        if len(records) == 1:
            action.update(form_action(self.env, kind, action["context"]))
            action["res_id"] = records.id
        return action

    def _merge_dependences(self, opportunities):
        """The merged opportunities are deleted: their projects and tasks follow
        the kept one. As superuser: the salesperson who merges may not be a project
        user, and only the link is written."""
        res = super()._merge_dependences(opportunities)
        domain = [("opportunity_id", "in", opportunities.ids)]
        for model in ("project.project", "project.task"):
            records = (
                self.env[model].sudo().with_context(active_test=False).search(domain)
            )
            if records:
                records.opportunity_id = self
        return res
