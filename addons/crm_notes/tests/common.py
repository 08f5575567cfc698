# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, new_test_user


class CrmNotesCommon(TransactionCase):
    """Two companies, sales users of each kind, customers and configuration."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Notes Company B"})
        both = [cls.company_a.id, cls.company_b.id]
        cls.rep_own = new_test_user(
            cls.env,
            login="notes_rep_own",
            name="Rep Own",
            groups="sales_team.group_sale_salesman",
        )
        cls.rep_all = new_test_user(
            cls.env,
            login="notes_rep_all",
            name="Rep All",
            groups="sales_team.group_sale_salesman_all_leads",
            company_ids=[(6, 0, both)],
        )
        cls.manager = new_test_user(
            cls.env,
            login="notes_manager",
            name="Notes Manager",
            groups="sales_team.group_sale_manager",
            company_ids=[(6, 0, both)],
        )
        cls.rep_b = new_test_user(
            cls.env,
            login="notes_rep_b",
            name="Rep B",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, [cls.company_b.id])],
        )
        cls.customer = cls.env["res.partner"].create({"name": "Grocery Corner"})
        cls.customer_2 = cls.env["res.partner"].create({"name": "Toy Palace"})
        Status = cls.env["crm.note.status"]
        cls.status_cold = Status.create({"name": "Cold prospect test", "color": 4})
        cls.status_late = Status.create({"name": "Late payment test", "color": 1})
        cls.action_call = cls.env["crm.note.action"].create({"name": "Call test"})
        cls.variable_store = cls.env["crm.note.variable"].create(
            {
                "name": "Store test",
                "option_ids": [
                    (0, 0, {"name": "Grocery"}),
                    (0, 0, {"name": "Toys"}),
                ],
            }
        )
        cls.opt_grocery, cls.opt_toys = cls.variable_store.option_ids

    @classmethod
    def _note(cls, **values):
        values.setdefault("partner_id", cls.customer.id)
        return cls.env["crm.note"].create(values)
