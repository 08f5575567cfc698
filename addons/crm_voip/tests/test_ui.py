# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to a settings
        administrator who is a sales administrator and a VoIP manager (the
        block is the VoIP managers'; only settings administrators see the
        Twilio credentials)."""
        new_test_user(
            self.env,
            login="tour_voip_settings",
            groups="base.group_system,sales_team.group_sale_manager,"
            "crm_voip.group_crm_voip_manager",
        )
        self.start_tour("/odoo", "crm_voip_settings_tour", login="tour_voip_settings")

    def test_calls_menu_and_number(self):
        """A VoIP manager (a salesperson, to open the CRM menus) filters the missed
        calls, opens one, and adds a virtual number."""
        manager = new_test_user(
            self.env,
            login="tour_voip_manager",
            groups="sales_team.group_sale_salesman,crm_voip.group_crm_voip_manager",
        )
        company = self.env.ref("base.main_company")
        account = self.env["crm.voip.account"].search(
            [("company_id", "=", company.id)]
        ) or self.env["crm.voip.account"].create({"company_id": company.id})
        number = self.env["crm.voip.number"].create(
            {"account_id": account.id, "phone_number": "+33184887700"}
        )
        partner = self.env["res.partner"].create({"name": "Tour Caller"})
        self.env["crm.voip.call"].create(
            {
                "sid": "CAtour",
                "company_id": company.id,
                "number_id": number.id,
                "partner_id": partner.id,
                "direction": "inbound",
                "twilio_status": "completed",
                "dial_status": "no-answer",
            }
        )
        self.start_tour("/odoo", "crm_voip_calls_tour", login=manager.login)
        self.assertTrue(
            self.env["crm.voip.number"].search([("phone_number", "=", "+33184887766")])
        )
