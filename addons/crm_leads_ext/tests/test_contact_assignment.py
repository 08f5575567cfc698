# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestContactAssignment(TransactionCase):
    """ONLYOFFICE: the salesperson is told when a contact is assigned to them
    (Odoo's own auto-subscription does it: res.partner's salesperson is tracked);
    restricted contacts are marked on the cards."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "sales_team.group_sale_salesman"
        cls.assigner = new_test_user(cls.env, login="assign_from", groups=groups)
        cls.assignee = new_test_user(cls.env, login="assign_to", groups=groups)

    def _notifications(self, partner):
        return self.env["mail.message"].search(
            [
                ("model", "=", "res.partner"),
                ("res_id", "=", partner.id),
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", self.assignee.partner_id.ids),
            ]
        )

    def test_salesperson_is_told(self):
        Partner = self.env["res.partner"].with_user(self.assigner)
        with Form(Partner) as form:
            form.name = "Assigned Customer"
            form.user_id = self.assignee
        partner = form.record
        self.assertEqual(len(self._notifications(partner)), 1)
        self.assertIn(self.assignee.partner_id, partner.message_partner_ids)
        # taken back, then assigned again: told again
        with Form(partner.with_user(self.assigner)) as form:
            form.user_id = self.assigner
        with Form(partner.with_user(self.assigner)) as form:
            form.user_id = self.assignee
        self.assertEqual(len(self._notifications(partner)), 2)

    def test_restricted_contacts_marked_on_cards(self):
        Partner = self.env["res.partner"].with_user(self.assigner)
        view = self.env.ref("base.res_partner_kanban_view")
        arch = etree.fromstring(Partner.get_view(view.id, "kanban")["arch"])
        [private] = arch.xpath("//i[@name='crm_access_private']")
        [read_only] = arch.xpath("//i[@name='crm_access_public_read']")
        self.assertIn("'private'", private.get("t-if"))
        self.assertIn("'public_read'", read_only.get("t-elif"))
        self.assertTrue(arch.xpath("/kanban/field[@name='crm_access']"))
