# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestListShortcuts(TransactionCase):
    """The row buttons of the leads list (Axelor's shortcuts), clicked by a
    salesperson: Odoo's own meeting scheduling and mail composer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="shortcut_salesman",
            groups="sales_team.group_sale_salesman,crm.group_use_lead",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Row Customer", "email": "row@customer.example.com"}
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Row lead",
                "type": "lead",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )

    def _buttons(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        view = self.env.ref("crm.crm_case_tree_view_leads")
        arch = etree.fromstring(Lead.get_view(view.id, "list")["arch"])
        return {b.get("icon"): b.get("name") for b in arch.xpath("//list/button")}

    def test_schedule_a_meeting(self):
        method = self._buttons()["fa-calendar"]
        action = getattr(self.lead.with_user(self.salesman), method)()
        self.assertEqual(action["res_model"], "calendar.event")
        Event = self.env["calendar.event"].with_user(self.salesman)
        with Form(Event.with_context(**action["context"])) as form:
            form.start = "2026-12-01 10:00:00"
            form.stop = "2026-12-01 11:00:00"
        event = Event.search([("name", "=", "Row lead")])
        self.assertIn(self.customer, event.partner_ids)
        self.assertIn(self.salesman.partner_id, event.partner_ids)

    def test_send_an_email(self):
        method = self._buttons()["fa-envelope"]
        action = getattr(self.lead.with_user(self.salesman), method)()
        self.assertEqual(action["res_model"], "mail.compose.message")
        Composer = self.env["mail.compose.message"].with_user(self.salesman)
        form = Form(Composer.with_context(**action["context"]))
        form.body = "<p>Our catalogue</p>"
        form.save().action_send_mail()
        message = self.lead.message_ids[0]
        self.assertEqual(message.message_type, "comment")
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn("Our catalogue", str(message.body))

    def test_send_an_email_address_only(self):
        """A lead with only an address: its contact is found (or created, for users
        who may create contacts, as Odoo's chatter does)."""
        lead = self.env["crm.lead"].create(
            {
                "name": "Address only",
                "type": "lead",
                "contact_name": "Addie Only",
                "email_from": "addie@only.example.com",
                "user_id": self.salesman.id,
            }
        )
        self.salesman.groups_id |= self.env.ref("base.group_partner_manager")
        action = lead.with_user(self.salesman).action_crm_send_email()
        [partner_id] = action["context"]["default_partner_ids"]
        partner = self.env["res.partner"].browse(partner_id)
        self.assertEqual(partner.email_normalized, "addie@only.example.com")
        self.assertEqual(partner.name, "Addie Only")
        self.assertFalse(lead.partner_id)
