# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged

from .common import VoipCommonMixin


@tagged("post_install", "-at_install")
class TestIdentification(VoipCommonMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_voip()

    def test_stored_e164_and_index(self):
        """Partners' and leads' numbers are stored in E.164, behind an index."""
        self.assertEqual(self.customer.voip_phone_e164, "+33123456789")
        self.customer.mobile = "06 12 34 56 78"
        self.assertEqual(self.customer.voip_mobile_e164, "+33612345678")
        self.customer.country_id = self.env.ref("base.be")
        self.assertEqual(self.customer.voip_phone_e164, "+32123456789")
        for table in ("res_partner", "crm_lead"):
            self.env.cr.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = %s", [table]
            )
            defs = " ".join(row[0] for row in self.env.cr.fetchall())
            self.assertIn("(voip_phone_e164)", defs)
            self.assertIn("(voip_mobile_e164)", defs)

    def test_known_caller_queries(self):
        """A known caller: one indexed lookup per model, nothing created."""
        Call = self.env["crm.voip.call"]
        self.env.flush_all()
        with self.assertQueryCount(2):
            partner, lead = Call._crm_voip_identify("+33123456789", self.company_a)
        self.assertEqual(partner, self.customer)
        self.assertFalse(lead)

    def test_other_company_contact_not_matched(self):
        """A company-B contact is no match for a call on company A's number."""
        other = self.env["res.partner"].create(
            {
                "name": "B's customer",
                "phone": "+33 1 11 11 11 11",
                "company_id": self.company_b.id,
            }
        )
        partner, _lead = self.env["crm.voip.call"]._crm_voip_identify(
            "+33111111111", self.company_a
        )
        self.assertNotEqual(partner, other)
        self.assertEqual(partner.company_id, self.company_a)

    def test_open_lead_only(self):
        lead = self.env["crm.lead"].create(
            {"name": "Won deal", "mobile": "+33 6 22 22 22 22"}
        )
        lead.action_set_won()
        _partner, found = self.env["crm.voip.call"]._crm_voip_identify(
            "+33622222222", self.company_a
        )
        self.assertFalse(found, "a won lead is not open")
        lead2 = self.env["crm.lead"].create(
            {"name": "Open deal", "mobile": "+33 6 22 22 22 22"}
        )
        _partner, found = self.env["crm.voip.call"]._crm_voip_identify(
            "+33622222222", self.company_a
        )
        self.assertEqual(found, lead2)
