# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer's budget of an opportunity (ONLYOFFICE "monnaie du Budget, montant et
type"), converted into Odoo's own expected revenue in the company currency."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError

BUDGET_GROUP = "crm_leads_ext.group_crm_budget_currency"
BUDGET_FIELDS = (
    "crm_budget_amount",
    "crm_budget_currency_id",
    "crm_budget_type",
    "crm_budget_units",
)
# ONLYOFFICE's bid types: a fixed amount, or an amount per period
BUDGET_TYPES = [
    ("fixed", "Fixed amount"),
    ("hour", "Per hour"),
    ("day", "Per day"),
    ("week", "Per week"),
    ("month", "Per month"),
    ("year", "Per year"),
]


# one feature, one file (the module's other features extend crm.lead in crm_lead.py)
class CrmLead(models.Model):
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    # No default on these columns: installing the module writes nothing on the
    # leads already there, and a lead without a budget is Odoo's lead.
    crm_budget_amount = fields.Monetary(
        string="Budget",
        currency_field="crm_budget_currency_id",
        tracking=True,
        help="The customer's budget, in the customer's currency: the whole amount, or "
        "the amount of one hour, day, week, month or year (see the budget type). "
        "Its total, converted into the company currency at today's rate, becomes "
        "the expected revenue.",
    )
    crm_budget_currency_id = fields.Many2one(
        comodel_name="res.currency",
        string="Budget currency",
        tracking=True,
        help="The customer's currency; empty: the company currency.",
    )
    crm_budget_type = fields.Selection(
        selection=BUDGET_TYPES,
        string="Budget type",
        tracking=True,
        help="A fixed amount, or an amount per hour, day, week, month or year "
        "multiplied by the number of units.",
    )
    crm_budget_units = fields.Float(
        string="Budget units",
        digits=(16, 2),
        tracking=True,
        help="How many hours, days, weeks, months or years the budget pays for.",
    )
    crm_budget_total = fields.Monetary(
        string="Total budget",
        currency_field="crm_budget_currency_id",
        compute="_compute_crm_budget_total",
        help="The budget times its units, in the customer's currency.",
    )

    @api.depends("crm_budget_amount", "crm_budget_type", "crm_budget_units")
    def _compute_crm_budget_total(self):
        for lead in self:
            lead.crm_budget_total = lead._crm_budget_total()

    def _crm_budget_total(self):
        self.ensure_one()
        if self.crm_budget_type in (False, "fixed"):
            return self.crm_budget_amount
        return self.crm_budget_amount * self.crm_budget_units

    def _crm_budget_expected_revenue(self, rates=None):
        """The budget's total in the company currency at today's rate, with the
        lead's company's rates (``res.currency._convert``'s rate, looked up once per
        currency pair and company in ``rates``); None without a budget (the
        expected revenue is then the user's, as in Odoo)."""
        self.ensure_one()
        if not self.crm_budget_amount:
            return None
        target = self.company_currency
        source = self.crm_budget_currency_id or target
        company = self.company_id or self.env.company
        rates = {} if rates is None else rates
        key = (source, target, company)
        if key not in rates:
            rates[key] = source._get_conversion_rate(
                source, target, company, fields.Date.context_today(self)
            )
        return target.round(self._crm_budget_total() * rates[key])

    def _crm_budget_apply(self):
        """Set the expected revenue of the leads with a budget to the budget's
        converted total: one rate lookup per currency pair and company, one write
        per distinct amount, none where it is already right."""
        todo = defaultdict(list)
        rates = {}
        for lead in self:
            amount = lead._crm_budget_expected_revenue(rates)
            if amount is not None and lead.company_currency.compare_amounts(
                amount, lead.expected_revenue
            ):
                todo[amount].append(lead.id)
        for amount, ids in todo.items():
            self.browse(ids).write({"expected_revenue": amount})

    @api.constrains("crm_budget_amount", "crm_budget_units")
    def _check_crm_budget(self):
        """Checked when the budget itself is written: Odoo's own writes of other
        fields never meet it."""
        for lead in self:
            if lead.crm_budget_amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(lead)s: the budget cannot be negative.", lead=lead.name
                    )
                )
            if lead.crm_budget_units < 0:
                raise ValidationError(
                    self.env._(
                        "%(lead)s: the number of budget units cannot be negative.",
                        lead=lead.name,
                    )
                )

    @api.onchange(*BUDGET_FIELDS, "company_id")
    def _onchange_crm_budget(self):
        """On the form: a budget shows its expected revenue at once; the user may
        still type another expected revenue, which is saved as typed. Without the
        feature (Settings), a company change leaves the expected revenue alone."""
        if not self.env.user.has_group(BUDGET_GROUP):
            return
        for lead in self.filtered("crm_budget_amount"):
            if not lead.crm_budget_type:
                lead.crm_budget_type = "fixed"
            if not lead.crm_budget_currency_id:
                lead.crm_budget_currency_id = lead.company_currency
            if lead.crm_budget_type != "fixed" and not lead.crm_budget_units:
                lead.crm_budget_units = 1.0
            lead.expected_revenue = lead._crm_budget_expected_revenue()

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        """A budget given without an expected revenue (an import, code) sets it. The
        lead's company is known after its creation only (team, salesperson): the
        amount is estimated with the given company or the current one, then
        corrected, untracked, where the company's currency differs."""
        todo = []
        rates = {}
        for vals in vals_list:
            budget = "expected_revenue" not in vals and vals.get("crm_budget_amount")
            todo.append(bool(budget))
            if budget:
                estimate = self.new(
                    {
                        fname: vals[fname]
                        for fname in (*BUDGET_FIELDS, "company_id")
                        if fname in vals
                    }
                )
                amount = estimate._crm_budget_expected_revenue(rates)
                if amount is not None:
                    vals["expected_revenue"] = amount
        leads = super().create(vals_list)
        budgeted = leads.browse(
            [lead.id for lead, budget in zip(leads, todo, strict=True) if budget]
        )
        budgeted.with_context(mail_notrack=True)._crm_budget_apply()
        return leads

    def write(self, vals):
        """A budget written without an expected revenue (the list's mass edit, an
        import, code) sets the expected revenue of each lead. A written expected
        revenue always wins: the form (its onchange or the user's typing), sale_crm
        raising it to the confirmed order's amount, a merge."""
        if "expected_revenue" in vals or not set(BUDGET_FIELDS) & set(vals):
            return super().write(vals)
        res = super().write(vals)
        self._crm_budget_apply()
        return res

    def _merge_get_fields_specific(self):
        """Odoo's merge takes each field from the first lead that has it: the budget
        is taken whole (amount, currency, type, units) from the first lead with a
        budget, so that it is never one lead's amount in another's currency. Odoo's
        expected revenue is merged as Odoo does, and not recomputed."""
        specific = super()._merge_get_fields_specific()

        def budget(fname, leads):
            source = next(
                (lead for lead in leads if lead.crm_budget_amount), leads.browse()
            )
            value = source[fname]
            return value.id if isinstance(value, models.BaseModel) else value

        specific.update(dict.fromkeys(BUDGET_FIELDS, budget))
        return specific

    # ------------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------------

    def action_crm_budget_convert(self):
        """Convert the budget again, at today's rate."""
        self._crm_budget_apply()
        return True
