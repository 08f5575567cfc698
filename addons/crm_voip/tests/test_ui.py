# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    def test_settings_block(self):
        """CRM > Configuration > Settings shows the module's block to an admin."""
        self.start_tour("/odoo", "crm_voip_settings_tour", login="admin")

    def test_calls_menu_and_number(self):
        """An admin filters the missed calls, opens one, and adds a virtual number."""
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
        self.start_tour("/odoo", "crm_voip_calls_tour", login="admin")
        self.assertTrue(
            self.env["crm.voip.number"].search([("phone_number", "=", "+33184887766")])
        )
