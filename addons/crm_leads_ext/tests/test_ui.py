# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import HttpCase, new_test_user, tagged

SETTINGS_ADMIN = "base.group_system,sales_team.group_sale_manager"
SALESPERSON = "sales_team.group_sale_salesman,crm.group_use_lead"


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """Each tour logs in as the least-privileged user of its flow (readme): the
    settings are a settings administrator's, the rest a salesperson's (own
    documents) working on their own leads and contacts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rep = new_test_user(
            cls.env, login="tour_leads_rep", name="Tour Rep", groups=SALESPERSON
        )

    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to a settings
        administrator who is a sales administrator."""
        new_test_user(self.env, login="tour_leads_settings", groups=SETTINGS_ADMIN)
        self.start_tour(
            "/odoo", "crm_leads_ext_settings_tour", login="tour_leads_settings"
        )

    def test_lead_status_kanban_tour(self):
        """A salesperson drags their lead between two status columns of the Open
        leads kanban."""
        lead = self.env["crm.lead"].create(
            {"name": "Tour lead", "type": "lead", "user_id": self.rep.id}
        )
        self.start_tour("/odoo", "crm_leads_ext_status_tour", login=self.rep.login)
        self.assertEqual(
            lead.lead_status_id, self.env.ref("crm_leads_ext.lead_status_nurturing")
        )

    def test_convert_tour(self):
        """A salesperson converts their lead with a new company and an existing
        contact (the conversion into a company and a contact switched on in
        Settings)."""
        self.rep.groups_id |= self.env.ref(
            "crm_leads_ext.group_crm_convert_company_contact"
        )
        known = self.env["res.partner"].create({"name": "Tour Known"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour convert",
                "type": "lead",
                "partner_name": "Tour New Co",
                "user_id": self.rep.id,
            }
        )
        self.start_tour("/odoo", "crm_leads_ext_convert_tour", login=self.rep.login)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.partner_id, known)
        self.assertEqual(known.parent_id.name, "Tour New Co")
        self.assertEqual(
            lead.lead_status_id, self.env.ref("crm_leads_ext.lead_status_converted")
        )

    def test_prospect_tour(self):
        """A settings administrator switches prospect statuses on, then a
        salesperson wins their prospect."""
        group = self.env.ref("crm_leads_ext.group_crm_prospect_status")
        self.assertNotIn(group, self.rep.groups_id)
        new_test_user(self.env, login="tour_leads_settings", groups=SETTINGS_ADMIN)
        prospect = self.env["res.partner"].create(
            {
                "name": "Tour Prospect",
                "is_company": True,
                "crm_partner_type": "prospect",
                "user_id": self.rep.id,
            }
        )
        self.start_tour(
            "/odoo", "crm_leads_ext_prospect_settings_tour", login="tour_leads_settings"
        )
        self.assertIn(group, self.rep.groups_id)
        self.start_tour("/odoo", "crm_leads_ext_prospect_tour", login=self.rep.login)
        self.assertEqual(prospect.crm_partner_type, "customer")
        self.assertEqual(
            prospect.prospect_status_id,
            self.env.ref("crm_leads_ext.prospect_status_won"),
        )

    def test_catalogue_tour(self):
        """A sales administrator uploads a PDF catalogue; a salesperson sends it
        to two contacts, one blacklisted."""
        catalogue_group = "crm_leads_ext.group_crm_catalogue"
        new_test_user(
            self.env,
            login="tour_catalogue_manager",
            groups=f"sales_team.group_sale_manager,{catalogue_group}",
        )
        new_test_user(
            self.env,
            login="tour_catalogue_rep",
            groups="sales_team.group_sale_salesman,base.group_partner_manager,"
            + catalogue_group,
        )
        anne, bob = self.env["res.partner"].create(
            [
                {"name": "Tour Anne", "email": "anne@tour.example.com"},
                {"name": "Tour Bob", "email": "bob@tour.example.com"},
            ]
        )
        self.env["mail.blacklist"]._add("bob@tour.example.com")
        self.start_tour(
            "/odoo", "crm_leads_ext_catalogue_tour", login="tour_catalogue_manager"
        )
        catalogue = self.env["crm.catalogue"].search([("name", "=", "Tour Catalogue")])
        self.assertEqual(catalogue.pdf_filename, "tour.pdf")
        self.start_tour(
            "/odoo", "crm_leads_ext_catalogue_send_tour", login="tour_catalogue_rep"
        )
        sent = anne.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(sent.attachment_ids.name, "tour.pdf")
        self.assertIn("Sent to Tour Anne", catalogue.message_ids[0].body)
        self.assertFalse(
            bob.message_ids.filtered(lambda m: m.message_type == "comment")
        )

    def test_close_siblings_tour(self):
        """A33: however a salesperson wins an opportunity of a prospect (a drag to
        the Won column, a click in the form's status bar), the prospect's other open
        opportunities are offered for closing."""
        won_stage = self.env.ref("crm.stage_lead4")
        won_stage.fold = False
        Partner = self.env["res.partner"]
        prospect_a, prospect_b = Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "crm_partner_type": "prospect",
                    "user_id": self.rep.id,
                }
                for name in ("Siblings Prospect A", "Siblings Prospect B")
            ]
        )
        new = self.env.ref("crm.stage_lead1")
        deals = self.env["crm.lead"].create(
            [
                {
                    "name": f"Siblings Deal {name}",
                    "type": "opportunity",
                    "partner_id": prospect.id,
                    "user_id": self.rep.id,
                    "stage_id": new.id,
                }
                for name, prospect in (
                    ("A1", prospect_a),
                    ("A2", prospect_a),
                    ("B1", prospect_b),
                    ("B2", prospect_b),
                )
            ]
        )
        self.start_tour(
            "/odoo", "crm_leads_ext_close_siblings_tour", login=self.rep.login
        )
        a1, a2, b1, b2 = deals
        self.assertTrue(a1.stage_id.is_won and b1.stage_id.is_won)
        self.assertFalse(a2.active)
        self.assertEqual(a2.probability, 0)
        self.assertEqual(a2.opportunity_status_id.role, "lost")
        self.assertTrue(b2.active)
        self.assertFalse(b2.stage_id.is_won)
