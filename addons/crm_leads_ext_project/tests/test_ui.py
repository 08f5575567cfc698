# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_task_from_opportunity_tour(self):
        """A salesperson who is a project user opens their opportunity, clicks
        Create a task, saves the prefilled task and comes back to it through the
        opportunity's Tasks button."""
        self.env["res.config.settings"].create({"group_crm_lead_task": True}).execute()
        rep = mail_new_test_user(
            self.env,
            login="tour_prj_rep",
            name="Tour Project Rep",
            groups="sales_team.group_sale_salesman,project.group_project_user",
        )
        opportunity = self.env["crm.lead"].create(
            {
                "name": "Tour Project Deal",
                "type": "opportunity",
                "partner_id": self.env["res.partner"].create({"name": "Tour Co"}).id,
                "user_id": rep.id,
            }
        )
        self.start_tour(
            "/odoo/action-crm.crm_lead_action_pipeline",
            "crm_leads_ext_project_task_tour",
            login=rep.login,
        )
        task = self.env["project.task"].search(
            [("opportunity_id", "=", opportunity.id)]
        )
        self.assertEqual(task.name, "Tour Project Deal")
        self.assertEqual(task.user_ids, rep)
        self.assertEqual(opportunity.crm_task_count, 1)
