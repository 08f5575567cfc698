# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestVoipMenus(TransactionCase):
    """The menus each role reaches in the web client (load_menus: a menu whose
    parent the user may not see is not shown at all)."""

    def _reachable(self, user):
        Menu = self.env["ir.ui.menu"].with_user(user)
        menus = Menu.load_menus(debug=False)
        reached, todo = set(), list(menus["root"]["children"])
        while todo:
            menu_id = todo.pop()
            reached.add(menu_id)
            todo.extend(menus[menu_id]["children"])
        return reached

    def test_voip_manager_reaches_numbers(self):
        """A VoIP manager who is a salesperson (not a sales administrator) reaches
        CRM > VoIP > Virtual numbers; an operator does not."""
        numbers = self.env.ref("crm_voip.crm_voip_menu_numbers")
        manager = new_test_user(
            self.env,
            login="menu_voip_manager",
            groups="sales_team.group_sale_salesman,crm_voip.group_crm_voip_manager",
        )
        operator = new_test_user(
            self.env,
            login="menu_voip_operator",
            groups="sales_team.group_sale_salesman,crm_voip.group_crm_voip_operator",
        )
        self.assertIn(numbers.id, self._reachable(manager))
        reached = self._reachable(operator)
        self.assertNotIn(numbers.id, reached)
        self.assertIn(self.env.ref("crm_voip.crm_voip_menu_calls").id, reached)
