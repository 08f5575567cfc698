# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to an admin."""
        self.start_tour("/odoo", "crm_leads_ext_settings_tour", login="admin")

    def test_lead_status_kanban_tour(self):
        """Drag a lead between two status columns of the Open leads kanban."""
        admin = self.env.ref("base.user_admin")
        admin.groups_id |= self.env.ref("crm.group_use_lead")
        lead = self.env["crm.lead"].create({"name": "Tour lead", "type": "lead"})
        self.start_tour("/odoo", "crm_leads_ext_status_tour", login="admin")
        self.assertEqual(
            lead.lead_status_id, self.env.ref("crm_leads_ext.lead_status_nurturing")
        )
