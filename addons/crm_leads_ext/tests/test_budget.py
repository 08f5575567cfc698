# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A36/G7: the customer's budget of an opportunity, in the customer's currency, fixed
or per hour/day/week/month/year, converted at today's rate into Odoo's expected
revenue; behind the Settings switch *Budget in the customer's currency*."""

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

BUDGET_GROUP = "crm_leads_ext.group_crm_budget_currency"
BUDGET_FIELDS = (
    "crm_budget_amount",
    "crm_budget_currency_id",
    "crm_budget_type",
    "crm_budget_units",
)


class BudgetCase:
    """An EUR company where 1 EUR = 1.25 USD today, a USD company where
    1 USD = 0.5 EUR, and a salesperson (own documents) working in both, the EUR
    one first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.usd = cls.env.ref("base.USD")
        cls.eur = cls.env.ref("base.EUR")
        (cls.usd | cls.eur).active = True
        cls.company_eur = cls.env["res.company"].create(
            {"name": "Budget EUR Co", "currency_id": cls.eur.id}
        )
        cls.company_usd = cls.env["res.company"].create(
            {"name": "Budget USD Co", "currency_id": cls.usd.id}
        )
        today = fields.Date.context_today(cls.env["res.currency.rate"])
        Rate = cls.env["res.currency.rate"]
        cls.usd_rate = Rate.create(
            {
                "currency_id": cls.usd.id,
                "rate": 1.25,
                "name": today,
                "company_id": cls.company_eur.id,
            }
        )
        Rate.create(
            {
                "currency_id": cls.eur.id,
                "rate": 0.5,
                "name": today,
                "company_id": cls.company_usd.id,
            }
        )
        cls.rep = mail_new_test_user(
            cls.env,
            login="budget_rep",
            name="Budget Rep",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_eur.id,
            company_ids=[(6, 0, (cls.company_eur | cls.company_usd).ids)],
        )

    def _switch_on(self):
        self.env["res.config.settings"].create(
            {"group_crm_budget_currency": True}
        ).execute()
        self.assertTrue(self.rep.has_group(BUDGET_GROUP))

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()

    def _opportunity(self, **values):
        return (
            self.env["crm.lead"]
            .with_user(self.rep)
            .create(
                dict(
                    {
                        "name": "Budget deal",
                        "type": "opportunity",
                        "user_id": self.rep.id,
                        "company_id": self.company_eur.id,
                    },
                    **values,
                )
            )
        )

    def _form(self, lead=None):
        Lead = self.env["crm.lead"].with_user(self.rep)
        return Form(
            lead.with_user(self.rep)
            if lead
            else Lead.with_context(default_type="opportunity"),
            view="crm.crm_lead_view_form",
        )


@tagged("post_install", "-at_install")
class TestBudget(BudgetCase, TransactionCase):
    def test_per_day_budget_sets_expected_revenue(self):
        """5 days at 400 USD in the EUR company: 2,000 USD, 1,600 EUR of expected
        revenue, shown on the form before saving and tracked in the chatter."""
        self._switch_on()
        with self._form() as form:
            form.name = "Five days of consulting"
            form.crm_budget_amount = 400
            self.assertEqual(form.crm_budget_type, "fixed")
            self.assertEqual(form.crm_budget_currency_id, self.eur)
            self.assertEqual(form.expected_revenue, 400)
            form.crm_budget_currency_id = self.usd
            form.crm_budget_type = "day"
            self.assertEqual(form.crm_budget_units, 1)
            form.crm_budget_units = 5
            self.assertEqual(form.crm_budget_total, 2000)
            self.assertEqual(form.expected_revenue, 1600)
        lead = form.record
        self.assertEqual(lead.company_id, self.company_eur)
        self.assertEqual(lead.expected_revenue, 1600)
        self.assertEqual(lead.prorated_revenue, 1600 * lead.probability / 100)
        # a record's changes are tracked from the transaction after its creation
        self._flush_tracking()
        # the budget changes: tracked, with the expected revenue it moves
        with self._form(lead) as form:
            form.crm_budget_amount = 500
            self.assertEqual(form.expected_revenue, 2000)
        self.assertEqual(lead.expected_revenue, 2000)
        self._flush_tracking()
        tracked = lead.message_ids.sudo().tracking_value_ids.mapped("field_id.name")
        self.assertIn("crm_budget_amount", tracked)
        self.assertIn("expected_revenue", tracked)

    def test_rate_change_with_the_button(self):
        """The rate of the day changes: the expected revenue keeps the amount of the
        day it was set, until the salesperson converts the budget again."""
        self._switch_on()
        lead = self._opportunity(
            crm_budget_amount=400,
            crm_budget_currency_id=self.usd.id,
            crm_budget_type="day",
            crm_budget_units=5,
        )
        self.assertEqual(lead.expected_revenue, 1600)
        self.usd_rate.rate = 1.6
        lead.invalidate_recordset()
        self.assertEqual(lead.expected_revenue, 1600)
        lead.with_user(self.rep).action_crm_budget_convert()
        self.assertEqual(lead.expected_revenue, 1250)
        # the form shows the new rate as soon as the budget is touched
        with self._form(lead) as form:
            form.crm_budget_units = 4
            self.assertEqual(form.expected_revenue, 1000)
        self.assertEqual(lead.expected_revenue, 1000)

    def test_typed_expected_revenue_wins(self):
        """Odoo stays the single source: an expected revenue the salesperson types,
        with or without a budget, is saved as typed; sale_crm's own write (a
        confirmed order raising it) is not undone."""
        self._switch_on()
        with self._form() as form:
            form.name = "Typed"
            form.expected_revenue = 750
        lead = form.record
        self.assertEqual(lead.expected_revenue, 750)
        self.assertFalse(lead.crm_budget_amount)
        with self._form(lead) as form:
            form.crm_budget_amount = 100
            form.crm_budget_currency_id = self.usd
            self.assertEqual(form.expected_revenue, 80)
            form.expected_revenue = 90
        self.assertEqual(lead.expected_revenue, 90)
        self.assertEqual(lead.crm_budget_amount, 100)
        lead.with_user(self.rep).write({"expected_revenue": 5000})
        self.assertEqual(lead.expected_revenue, 5000)
        # a budget removed leaves the expected revenue to the user
        with self._form(lead) as form:
            form.crm_budget_amount = 0
            self.assertEqual(form.expected_revenue, 5000)
            form.expected_revenue = 4000
        self.assertEqual(lead.expected_revenue, 4000)

    def test_switched_off(self):
        """Off (the default): the budget is not on the form nor in the list, and the
        expected revenue is Odoo's, as typed; a company change converts nothing."""
        self.assertFalse(self.rep.has_group(BUDGET_GROUP))
        Lead = self.env["crm.lead"].with_user(self.rep)
        for view in ("crm.crm_lead_view_form", "crm.crm_case_tree_view_oppor"):
            arch = Lead.get_view(self.env.ref(view).id)["arch"]
            for fname in BUDGET_FIELDS:
                self.assertNotIn(f'name="{fname}"', arch)
        with self._form() as form:
            self.assertNotIn("crm_budget_amount", form._view["fields"])
            form.name = "Odoo's own"
            form.expected_revenue = 300
        lead = form.record
        self.assertEqual(lead.expected_revenue, 300)
        # a budget left from when the feature was on: hidden, and inert on the form
        lead.sudo().write(
            {"crm_budget_amount": 10, "crm_budget_currency_id": self.usd.id}
        )
        self.assertEqual(lead.expected_revenue, 8)
        lead.expected_revenue = 300
        with self._form(lead) as form:
            form.company_id = self.company_usd
        self.assertEqual(lead.expected_revenue, 300)

    def test_opportunity_company_rates(self):
        """The conversion uses the opportunity's company (its currency, its rates),
        not the company the salesperson is working in."""
        self._switch_on()
        self.assertEqual(self.rep.with_user(self.rep).env.company, self.company_eur)
        lead = self._opportunity(company_id=self.company_usd.id)
        lead.with_user(self.rep).write(
            {
                "crm_budget_amount": 100,
                "crm_budget_currency_id": self.eur.id,
                "crm_budget_type": "month",
                "crm_budget_units": 3,
            }
        )
        self.assertEqual(lead.company_currency, self.usd)
        self.assertEqual(lead.expected_revenue, 600)
        # same currency: no conversion
        lead.with_user(self.rep).write({"crm_budget_currency_id": self.usd.id})
        self.assertEqual(lead.expected_revenue, 300)

    def test_mass_edit_and_import(self):
        """The list's mass edit and an import write the budget without the expected
        revenue: each opportunity gets its own amount, in its own company currency."""
        self._switch_on()
        eur_lead = self._opportunity(
            crm_budget_amount=100, crm_budget_currency_id=self.usd.id
        )
        usd_lead = self._opportunity(
            company_id=self.company_usd.id,
            crm_budget_amount=100,
            crm_budget_currency_id=self.usd.id,
        )
        self.assertEqual(
            (eur_lead.expected_revenue, usd_lead.expected_revenue), (80, 100)
        )
        (eur_lead | usd_lead).with_user(self.rep).write(
            {"crm_budget_type": "week", "crm_budget_units": 2}
        )
        self.assertEqual(
            (eur_lead.expected_revenue, usd_lead.expected_revenue), (160, 200)
        )
        result = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .load(
                [
                    "name",
                    "type",
                    "crm_budget_amount",
                    "crm_budget_currency_id",
                    "crm_budget_type",
                    "crm_budget_units",
                ],
                [["Imported", "opportunity", "50", "USD", "hour", "10"]],
            )
        )
        self.assertFalse(result["messages"])
        imported = self.env["crm.lead"].browse(result["ids"])
        self.assertEqual(imported.company_id, self.company_eur)
        self.assertEqual(imported.expected_revenue, 400)

    def test_create_in_the_team_company(self):
        """Created by code with a budget and a team of the USD company, while the
        salesperson works in the EUR company: the amount is the USD company's,
        without a "0 → amount" line in the chatter."""
        self._switch_on()
        team = self.env["crm.team"].create(
            {"name": "Budget USD team", "company_id": self.company_usd.id}
        )
        lead = (
            self.env["crm.lead"]
            .with_user(self.rep)
            .create(
                {
                    "name": "Team deal",
                    "type": "opportunity",
                    "team_id": team.id,
                    "crm_budget_amount": 100,
                    "crm_budget_currency_id": self.eur.id,
                }
            )
        )
        self.assertEqual(lead.company_id, self.company_usd)
        self.assertEqual(lead.expected_revenue, 200)
        self._flush_tracking()
        self.assertFalse(lead.message_ids.sudo().tracking_value_ids)

    def test_bad_input(self):
        """A negative budget or number of units is refused with a translated error
        on the budget itself; Odoo's own writes on a lead with bad budget data
        (from before, or from SQL) are never refused."""
        self._switch_on()
        lead = self._opportunity(crm_budget_amount=100, crm_budget_type="day")
        form = self._form(lead)
        form.crm_budget_amount = -100
        with (
            self.assertRaisesRegex(ValidationError, "budget cannot be negative"),
            self.env.cr.savepoint(),
        ):
            form.save()
        lead.invalidate_recordset()
        self.assertEqual(lead.crm_budget_amount, 100)
        self.env["res.lang"]._activate_lang("fr_FR")
        french = lead.with_user(self.rep).with_context(lang="fr_FR")
        with (
            self.assertRaisesRegex(
                ValidationError, "le nombre d'unités du budget ne peut pas être négatif"
            ),
            self.env.cr.savepoint(),
        ):
            french.write({"crm_budget_units": -2})
        with (
            self.assertRaisesRegex(
                ValidationError, "le budget ne peut pas être négatif"
            ),
            self.env.cr.savepoint(),
        ):
            french.write({"crm_budget_amount": -1})
        lead.invalidate_recordset()
        self.env.cr.execute(
            "UPDATE crm_lead SET crm_budget_units = -2 WHERE id = %s", [lead.id]
        )
        lead.invalidate_recordset()
        won = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        lead.with_user(self.rep).write({"expected_revenue": 42, "probability": 50})
        lead.with_user(self.rep).action_set_won()
        self.assertEqual(lead.stage_id, won)
        self.assertEqual(lead.expected_revenue, 42)

    def test_merge_takes_the_budget_whole(self):
        """Odoo's merge wizard takes the budget whole from the first opportunity
        that has one, never one's amount in another's currency; the expected
        revenue is merged as Odoo does."""
        self._switch_on()
        budgeted = self._opportunity(
            name="With budget",
            probability=10,
            crm_budget_amount=400,
            crm_budget_currency_id=self.usd.id,
            crm_budget_type="day",
            crm_budget_units=5,
        )
        head = self._opportunity(
            name="Head",
            probability=80,
            crm_budget_currency_id=self.eur.id,
            crm_budget_type="month",
        )
        wizard = (
            self.env["crm.merge.opportunity"]
            .with_user(self.rep)
            .with_context(active_model="crm.lead", active_ids=(budgeted | head).ids)
            .create({})
        )
        wizard.action_merge()
        self.assertFalse(budgeted.exists())
        self.assertRecordValues(
            head,
            [
                {
                    "crm_budget_amount": 400,
                    "crm_budget_currency_id": self.usd.id,
                    "crm_budget_type": "day",
                    "crm_budget_units": 5,
                    "expected_revenue": 1600,
                }
            ],
        )

    def test_installed_leads_untouched(self):
        """No default on the budget columns: a lead created without a budget has
        none, and keeps Odoo's expected revenue."""
        lead = self._opportunity(expected_revenue=123)
        self.assertRecordValues(
            lead,
            [
                {
                    "crm_budget_amount": 0,
                    "crm_budget_currency_id": False,
                    "crm_budget_type": False,
                    "crm_budget_units": 0,
                    "expected_revenue": 123,
                }
            ],
        )


@tagged("post_install", "-at_install")
class TestBudgetTour(BudgetCase, HttpCase):
    def test_budget_tour(self):
        """A salesperson fills the budget of their opportunity (5 days at 400 USD)
        and sees the expected revenue in euros."""
        self._switch_on()
        lead = self._opportunity(name="Tour budget deal")
        self.start_tour("/odoo", "crm_leads_budget_tour", login=self.rep.login)
        self.assertRecordValues(
            lead,
            [
                {
                    "crm_budget_amount": 400,
                    "crm_budget_currency_id": self.usd.id,
                    "crm_budget_type": "day",
                    "crm_budget_units": 5,
                    "expected_revenue": 1600,
                }
            ],
        )
