# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestContactRole(TransactionCase):
    """Axelor's contact role: configured by sales administrators, set by
    salespeople on a company's contacts, shown in its contacts, searchable."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="role_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.manager = new_test_user(
            cls.env, login="role_manager", groups="sales_team.group_sale_manager"
        )
        with Form(cls.env["crm.contact.role"].with_user(cls.manager)) as form:
            form.name = "Décideur"
        cls.role = form.record

    def test_salesman_sets_the_role_in_the_company(self):
        Partner = self.env["res.partner"].with_user(self.salesman)
        with Form(Partner) as form:
            form.company_type = "company"
            form.name = "Role Company"
            with form.child_ids.new() as child:
                child.type = "contact"
                child.name = "Dana Decider"
                child.crm_contact_role_id = self.role
        company = form.record
        self.assertEqual(company.child_ids.crm_contact_role_id, self.role)
        # shown on the company's contact cards
        arch = etree.fromstring(Partner.get_view(False, "form")["arch"])
        self.assertTrue(
            arch.xpath(
                "//field[@name='child_ids']/kanban//field[@name='crm_contact_role_id']"
            )
        )
        # searched and grouped from the contacts' search view
        search = etree.fromstring(Partner.get_view(False, "search")["arch"])
        [field] = search.xpath("//field[@name='crm_contact_role_id']")
        found = Partner.search([(field.get("name"), "ilike", "Décid")])
        self.assertEqual(found, company.child_ids)
        [groupby] = search.xpath("//filter[@name='groupby_contact_role']")
        group_by = safe_eval(groupby.get("context"))["group_by"]
        groups = Partner.read_group(
            [("parent_id", "=", company.id)], ["id:count"], [group_by]
        )
        self.assertEqual(groups[0][group_by][0], self.role.id)

    def test_only_sales_administrators_configure_roles(self):
        Role = self.env["crm.contact.role"].with_user(self.salesman)
        self.assertEqual(Role.search([("id", "=", self.role.id)]), self.role)
        with self.assertRaises(AccessError):
            Role.create({"name": "Acheteur"})

    def test_roles_per_company(self):
        other = self.env["res.company"].create({"name": "Role Company B"})
        theirs = self.env["crm.contact.role"].create(
            {"name": "Utilisateur", "company_id": other.id}
        )
        Role = self.env["crm.contact.role"].with_user(self.salesman)
        self.assertFalse(Role.search([("id", "=", theirs.id)]))
