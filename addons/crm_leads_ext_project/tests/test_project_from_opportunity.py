# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

SALESPERSON = "sales_team.group_sale_salesman"
PROJECT_USER = f"{SALESPERSON},project.group_project_user"
PROJECT_MANAGER = f"{SALESPERSON},project.group_project_manager"


def switch_on(env, on=True):
    """As an administrator does it: CRM > Configuration > Settings."""
    env["res.config.settings"].create({"group_crm_lead_task": on}).execute()


@tagged("post_install", "-at_install")
class TestProjectFromOpportunity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.rep = mail_new_test_user(
            cls.env, login="prj_rep", name="Project Rep", groups=PROJECT_USER
        )
        cls.manager = mail_new_test_user(
            cls.env, login="prj_manager", name="Project Boss", groups=PROJECT_MANAGER
        )
        cls.plain_rep = mail_new_test_user(
            cls.env, login="prj_plain_rep", name="Plain Rep", groups=SALESPERSON
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Opportune SA", "is_company": True}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Website redesign",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.rep.id,
            }
        )
        cls.prospect = cls.env["res.partner"].create(
            {
                "name": "Prospective SARL",
                "is_company": True,
                "crm_partner_type": "prospect",
                "company_id": cls.company.id,
            }
        )
        switch_on(cls.env)

    def _form(self, action, user):
        """The form the button's action opens, as the user sees it."""
        self.assertEqual(action["views"][0][1], "form")
        model = self.env[action["res_model"]].with_user(user)
        return Form(model.with_context(**action["context"]), view=action["views"][0][0])

    def _arch(self, model, user, view="form"):
        views = self.env[model].with_user(user).get_views([(False, view)])
        return etree.fromstring(views["views"][view]["arch"])

    def test_task_from_opportunity(self):
        """A salesperson who is a project user: Create a task opens the task form
        prefilled; saved, the opportunity's smart button counts it and opens it."""
        opportunity = self.opportunity.with_user(self.rep)
        arch = self._arch("crm.lead", self.rep)
        self.assertTrue(arch.xpath("//button[@name='action_crm_create_task']"))
        self.assertFalse(arch.xpath("//button[@name='action_crm_create_project']"))
        self.assertEqual(opportunity.crm_task_count, 0)

        action = opportunity.action_crm_create_task()
        self.assertEqual(action["res_model"], "project.task")
        with self._form(action, self.rep) as form:
            self.assertEqual(form.name, "Website redesign")
            self.assertEqual(form.opportunity_id, self.opportunity)
            self.assertEqual(form.partner_id, self.customer)
            self.assertEqual(form.user_ids[:], self.rep)
            form.name = "Mock-ups for the redesign"
        task = form.record
        self.assertEqual(task.opportunity_id, self.opportunity)
        self.assertEqual(task.company_id, self.opportunity.company_id)
        self.assertEqual(task.user_ids, self.rep)

        opportunity.invalidate_recordset()
        self.assertEqual(opportunity.crm_task_count, 1)
        shown = opportunity.action_view_crm_tasks()
        self.assertEqual(shown["res_model"], "project.task")
        self.assertEqual(shown["res_id"], task.id)
        self.assertEqual(
            self.env["project.task"].with_user(self.rep).search(shown["domain"]),
            task,
        )

    def test_project_from_prospect(self):
        """A project manager and salesperson creates a project from a prospect:
        the prospect is its customer, the project is in the prospect's company,
        the prospect's Projects button counts it."""
        arch = self._arch("res.partner", self.manager)
        self.assertTrue(arch.xpath("//button[@name='action_crm_create_project']"))
        prospect = self.prospect.with_user(self.manager)
        action = prospect.action_crm_create_project()
        with self._form(action, self.manager) as form:
            self.assertEqual(form.name, "Prospective SARL")
            self.assertEqual(form.partner_id, self.prospect)
        project = form.record
        self.assertEqual(project.partner_id, self.prospect)
        self.assertEqual(project.company_id, self.company)
        self.assertFalse(project.opportunity_id)
        prospect.invalidate_recordset()
        self.assertEqual(prospect.crm_project_count, 1)
        shown = prospect.action_view_crm_projects()
        self.assertEqual(
            self.env["project.project"].with_user(self.manager).search(shown["domain"]),
            project,
        )
        # a task of the prospect: Odoo's own Tasks button counts it
        with self._form(prospect.action_crm_create_task(), self.manager) as form:
            form.project_id = project
        self.assertEqual(form.record.partner_id, self.prospect)
        prospect.invalidate_recordset()
        self.assertEqual(prospect.task_count, 1)

    def test_project_then_task_from_opportunity(self):
        """A project made from the opportunity is its project, and the next task
        of the opportunity goes into it."""
        self.opportunity.user_id = self.manager
        opportunity = self.opportunity.with_user(self.manager)
        with self._form(opportunity.action_crm_create_project(), self.manager) as form:
            self.assertEqual(form.opportunity_id, self.opportunity)
        project = form.record
        self.assertEqual(project.opportunity_id, self.opportunity)
        self.assertEqual(project.partner_id, self.customer)
        with self._form(opportunity.action_crm_create_task(), self.manager) as form:
            self.assertEqual(form.project_id, project)
        task = form.record
        opportunity.invalidate_recordset()
        self.assertEqual(
            (opportunity.crm_project_count, opportunity.crm_task_count), (1, 1)
        )
        self.assertEqual(opportunity.action_view_crm_projects()["res_id"], project.id)
        self.assertEqual(task.project_id, project)

    def test_salesperson_without_project_rights(self):
        """A salesperson who is no project user sees no button and gets a clear
        error calling the method; so does a project user of a lead."""
        for model in ("crm.lead", "res.partner"):
            arch = self._arch(model, self.plain_rep)
            self.assertFalse(arch.xpath("//button[@name='action_crm_create_task']"))
            self.assertFalse(arch.xpath("//button[@name='action_crm_create_project']"))
        self.opportunity.user_id = self.plain_rep
        opportunity = self.opportunity.with_user(self.plain_rep)
        with self.assertRaisesRegex(UserError, "Project User"):
            opportunity.action_crm_create_task()
        with self.assertRaisesRegex(UserError, "Project Administrator"):
            opportunity.action_crm_create_project()
        with self.assertRaisesRegex(UserError, "Project Administrator"):
            self.prospect.with_user(self.rep).action_crm_create_project()
        lead = self.env["crm.lead"].create({"name": "Still a lead", "type": "lead"})
        with self.assertRaisesRegex(UserError, "opportunity"):
            lead.with_user(self.rep).action_crm_create_task()
        with self.assertRaisesRegex(UserError, "not a prospect"):
            self.customer.with_user(self.rep).action_crm_create_task()

    def test_nothing_changes_until_switched_on(self):
        """Installed but not switched on: no button for a project manager either,
        and the method refuses."""
        switch_on(self.env, False)
        self.assertFalse(
            self.manager.has_group("crm_leads_ext_project.group_crm_lead_task")
        )
        for model in ("crm.lead", "res.partner"):
            arch = self._arch(model, self.manager)
            buttons = "//button[starts-with(@name, 'action_crm_create_')]"
            self.assertFalse(arch.xpath(buttons))
            self.assertFalse(arch.xpath("//button[@name='action_view_crm_projects']"))
        with self.assertRaises(UserError):
            self.opportunity.with_user(self.manager).action_crm_create_task()
        switch_on(self.env)
        self.assertTrue(
            self.manager.has_group("crm_leads_ext_project.group_crm_lead_project")
        )
        self.assertFalse(
            self.rep.has_group("crm_leads_ext_project.group_crm_lead_project")
        )

    def test_opportunity_company(self):
        """Multi-company: the task gets the opportunity's company, not the
        user's current one."""
        other = self.env["res.company"].create({"name": "Filiale"})
        self.rep.company_ids |= other
        opportunity = self.env["crm.lead"].create(
            {"name": "Branch deal", "type": "opportunity", "company_id": other.id}
        )
        companies = {"allowed_company_ids": [self.company.id, other.id]}
        opportunity = opportunity.with_user(self.rep).with_context(**companies)
        action = opportunity.action_crm_create_task()
        self.assertEqual(action["context"]["default_company_id"], other.id)
        Task = self.env["project.task"].with_user(self.rep).with_context(**companies)
        task = Task.with_context(**action["context"]).create({})
        self.assertEqual(task.company_id, other)
        self.assertEqual(task.opportunity_id, opportunity)

    def test_merge_keeps_links(self):
        """Opportunities merged by Odoo's merge: the projects and tasks of the
        deleted ones follow the kept one."""
        other = self.env["crm.lead"].create(
            {"name": "Website redesign (dup)", "type": "opportunity"}
        )
        task = self.env["project.task"].create(
            {"name": "From the duplicate", "opportunity_id": other.id}
        )
        kept = (self.opportunity | other).merge_opportunity()
        self.assertEqual(task.opportunity_id, kept)
