# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import timedelta

import openpyxl

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCrmReport(TransactionCase):
    """Reports generated through the form's Generate button, as sales users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.rep_own = new_test_user(
            cls.env,
            login="reports_rep_own",
            name="Reports Rep Own",
            groups="sales_team.group_sale_salesman",
            tz="UTC",
        )
        cls.rep_other = new_test_user(
            cls.env,
            login="reports_rep_other",
            name="Reports Rep Other",
            groups="sales_team.group_sale_salesman",
            tz="UTC",
        )
        manager_groups = "sales_team.group_sale_manager"
        if "account.move" in cls.env:
            manager_groups += ",account.group_account_invoice"
        cls.manager = new_test_user(
            cls.env,
            login="reports_manager",
            name="Reports Manager",
            groups=manager_groups,
            tz="UTC",
        )
        cls.manager_2 = new_test_user(
            cls.env,
            login="reports_manager_2",
            groups="sales_team.group_sale_manager",
            tz="UTC",
        )
        cls.today = fields.Date.context_today(cls.manager)
        cls.date_from = cls.today - timedelta(days=10)
        cls.date_to = cls.today + timedelta(days=60)
        Stage = cls.env["crm.stage"]
        cls.stage_new = Stage.create({"name": "Reports New", "sequence": 1000})
        cls.stage_offer = Stage.create({"name": "Reports Offer", "sequence": 1001})
        cls.stage_won = Stage.create(
            {"name": "Reports Won", "sequence": 1002, "is_won": True}
        )
        Lead = cls.env["crm.lead"]
        deadline = cls.today + timedelta(days=30)
        cls.leads = Lead.create(
            [
                {
                    "name": f"Reports opp {i}",
                    "type": "opportunity",
                    "user_id": (cls.rep_own if i % 2 else cls.rep_other).id,
                    "stage_id": (cls.stage_new, cls.stage_offer)[i % 2].id,
                    "expected_revenue": 1000 * (i + 1),
                    "probability": 10 * (i + 1),
                    "date_deadline": deadline,
                }
                for i in range(6)
            ]
        )
        cls.won_own = cls.leads[1]
        cls.won_other = cls.leads[2]
        # moved to the won stage as the pipeline's kanban does
        (cls.won_own | cls.won_other).write({"stage_id": cls.stage_won.id})
        cls.lost = cls.leads[3]
        cls.lost.action_set_lost()
        cls.people = cls.rep_own | cls.rep_other

    def _report(self, user, **values):
        form = Form(self.env["crm.report"].with_user(user))
        form.report_type = values.pop("report_type", "funnel")
        form.period = "custom"
        form.date_from = values.pop("date_from", self.date_from)
        form.date_to = values.pop("date_to", self.date_to)
        form.user_scope = values.pop("user_scope", "users")
        if form.user_scope == "users":
            form.salesperson_ids.clear()
            for person in values.pop("people", self.people):
                form.salesperson_ids.add(person)
        for key, value in values.items():
            setattr(form, key, value)
        return form.save()

    def _lines(self, report, section):
        return report.line_ids.filtered(lambda line: line.section == section)

    def _lead_domain(self, *extra):
        return [
            ("type", "=", "opportunity"),
            ("user_id", "in", self.people.ids),
            ("company_id", "in", [self.company.id, False]),
            *extra,
        ]

    def test_generate_open_download_delete(self):
        report = self._report(self.manager, report_type="won")
        self.assertEqual(report.state, "draft")
        report.action_generate()
        self.assertEqual(report.state, "done")
        attachment = report.attachment_id
        self.assertEqual(
            (attachment.res_model, attachment.res_id), ("crm.report", report.id)
        )
        self.assertTrue(attachment.name.endswith(".xlsx"))
        action = report.action_download()
        self.assertEqual(action["url"], f"/web/content/{attachment.id}?download=true")
        graph = report.action_open_graph()
        self.assertEqual(graph["domain"], [("report_id", "=", report.id)])
        self.assertEqual(graph["views"][0][1], "graph")
        book = openpyxl.load_workbook(io.BytesIO(attachment.raw))
        self.assertEqual(book.sheetnames, ["Won deals", "Deals"])
        sheet = book["Won deals"]
        self.assertIn("Won deals", sheet["A1"].value)
        self.assertIn("Reports Rep Own", sheet["A2"].value)
        self.assertEqual(sheet.freeze_panes, "B7")
        self.assertEqual(sheet["A6"].value, "Salesperson")
        rows = {sheet.cell(r, 1).value: sheet.cell(r, 3).value for r in (7, 8)}
        self.assertEqual(rows, {"Reports Rep Own": 2000, "Reports Rep Other": 3000})
        self.assertEqual(sheet["A9"].value, "Total")
        self.assertEqual(sheet["C9"].value, "=SUM(C7:C8)")
        deals = book["Deals"]
        self.assertEqual(
            {deals.cell(r, 1).value for r in (7, 8)}, {"Reports opp 1", "Reports opp 2"}
        )
        # generating again replaces the file
        report.action_generate()
        self.assertFalse(attachment.exists())
        attachment = report.attachment_id
        report.unlink()
        self.assertFalse(attachment.exists(), "deleting a report deletes its file")

    def test_owner_only(self):
        """Reports, their figures and their files are seen by their author only,
        sales managers and the administrator included."""
        report = self._report(self.rep_own)
        report.action_generate()
        for user in (
            self.rep_other,
            self.manager,
            self.manager_2,
            self.env.ref("base.user_admin"),
        ):
            with self.subTest(user=user.login):
                Report = self.env["crm.report"].with_user(user)
                self.assertFalse(Report.search([("id", "=", report.id)]))
                with self.assertRaises(AccessError):
                    report.with_user(user).read(["name"])
                with self.assertRaises(AccessError):
                    report.line_ids.with_user(user).read(["count"])
                with self.assertRaises(AccessError):
                    report.attachment_id.with_user(user).read(["raw"])
                self.assertFalse(
                    self.env["ir.attachment"]
                    .with_user(user)
                    .search([("id", "=", report.attachment_id.id)])
                )
        self.assertTrue(report.attachment_id.with_user(self.rep_own).raw)
        with self.assertRaises(UserError):
            report.with_user(self.rep_own).write({"user_id": self.rep_other.id})

    def test_funnel_matches_pivot(self):
        report = self._report(self.manager)
        report.action_generate()
        pivot = (
            self.env["crm.lead"]
            .with_user(self.manager)
            .read_group(
                self._lead_domain(
                    (
                        "create_date",
                        ">=",
                        fields.Datetime.to_string(
                            fields.Datetime.now() - timedelta(days=1)
                        ),
                    )
                ),
                ["expected_revenue:sum"],
                ["stage_id"],
            )
        )
        lines = self._lines(report, "funnel")
        by_stage = {line.label.split(". ", 1)[1]: line for line in lines}
        # the pipeline's pivot shows every stage (group_expand): compare the filled ones
        pivot = [group for group in pivot if group["stage_id_count"]]
        self.assertEqual(len(pivot), 3)
        for group in pivot:
            stage = group["stage_id"][1]
            with self.subTest(stage=stage):
                self.assertEqual(by_stage[stage].count, group["stage_id_count"])
                self.assertEqual(by_stage[stage].amount, group["expected_revenue"])
        self.assertEqual(
            [line.label for line in lines],
            ["1. Reports New", "2. Reports Offer", "3. Reports Won"],
        )
        # 6 created, 4 reached Offer or later (one lost in Offer), 2 were won
        self.assertEqual(lines.mapped("reached_count"), [6, 4, 2])
        self.assertEqual(
            [round(r, 1) for r in lines.mapped("rate")], [100.0, 66.7, 50.0]
        )
        self.assertEqual(by_stage["Reports Offer"].lost_count, 1)

    def test_forecast_and_won_match_pivot(self):
        Lead = self.env["crm.lead"].with_user(self.manager)
        report = self._report(self.manager, report_type="forecast")
        report.action_generate()
        pivot = Lead.read_group(
            self._lead_domain(
                ("stage_id.is_won", "=", False),
                ("date_deadline", ">=", self.date_from),
                ("date_deadline", "<=", self.date_to),
            ),
            ["expected_revenue:sum", "prorated_revenue:sum"],
            ["date_deadline:month"],
        )
        lines = self._lines(report, "forecast")
        self.assertEqual(len(lines), len(pivot))
        self.assertEqual(sum(lines.mapped("count")), 3)  # 6 - 2 won - 1 lost
        self.assertEqual(
            sum(lines.mapped("weighted_amount")),
            sum(g["prorated_revenue"] for g in pivot),
        )
        self.assertEqual(
            sum(lines.mapped("amount")), sum(g["expected_revenue"] for g in pivot)
        )
        won = self._report(self.manager, report_type="won")
        won.action_generate()
        pivot = Lead.read_group(
            self._lead_domain(
                ("stage_id.is_won", "=", True),
                (
                    "date_closed",
                    ">=",
                    fields.Datetime.to_string(won._datetime_bounds()[0]),
                ),
            ),
            ["expected_revenue:sum"],
            ["user_id"],
        )
        self.assertEqual(
            {(line.user_id.id, line.count, line.amount) for line in won.line_ids},
            {
                (g["user_id"][0], g["user_id_count"], g["expected_revenue"])
                for g in pivot
            },
        )

    def test_own_documents_salesperson_sees_own_figures(self):
        """A salesperson restricted to own documents asking for everyone gets the
        figures of the records they may read: their own."""
        report = self._report(self.rep_own, report_type="won", user_scope="all")
        report.action_generate()
        self.assertNotIn(self.rep_other, report.line_ids.user_id)
        own = report.line_ids.filtered(lambda line: line.user_id == self.rep_own)
        self.assertEqual((own.count, own.amount), (1, 2000))
        summary = self._report(self.rep_own, report_type="summary", user_scope="all")
        summary.action_generate()
        new = summary.line_ids.filtered(lambda line: line.label == "New opportunities")
        self.assertEqual(
            new.count,
            self.env["crm.lead"]
            .with_user(self.rep_own)
            .search_count(
                [
                    ("type", "=", "opportunity"),
                    ("company_id", "in", [self.company.id, False]),
                    ("create_date", ">=", summary._datetime_bounds()[0]),
                    ("create_date", "<", summary._datetime_bounds()[1]),
                ]
            ),
        )

    def test_bad_input(self):
        report = self._report(self.rep_own)
        with self.assertRaisesRegex(ValidationError, "cannot end"):
            with Form(report) as form:
                form.date_to = self.date_from - timedelta(days=1)
        report.date_to = False
        with self.assertRaisesRegex(UserError, "start and an end date"):
            report.action_generate()
        report.date_to = self.date_to
        report.salesperson_ids = False
        with self.assertRaisesRegex(UserError, "at least one salesperson"):
            report.action_generate()
        report.user_scope = "team"
        with self.assertRaisesRegex(UserError, "sales team to report on"):
            report.action_generate()
        report.team_id = self.env["crm.team"].create({"name": "Reports empty team"})
        with self.assertRaisesRegex(UserError, "has no salesperson"):
            report.action_generate()
        self.assertEqual(report.state, "draft")

    def test_team_scope(self):
        team = self.env["crm.team"].create(
            {"name": "Reports team", "member_ids": [Command.set(self.rep_own.ids)]}
        )
        report = self._report(
            self.manager, report_type="won", user_scope="team", team_id=team
        )
        report.action_generate()
        self.assertEqual(report.line_ids.user_id, self.rep_own)
        self.assertIn("Reports team", report.people_label)

    def test_salesperson_without_invoice_access(self):
        """A section the user may not read says so, in the list and in the sheet."""
        if "account.move" not in self.env:
            self.skipTest("account is not installed")
        # With `sale` installed, salespeople may read invoices: take that right
        # away, as in a database with CRM and Invoicing but no Sales app.
        self.env["ir.model.access"].search(
            [
                ("model_id.model", "=", "account.move"),
                ("perm_read", "=", True),
                "|",
                ("group_id", "=", False),
                ("group_id", "in", self.rep_own.groups_id.ids),
            ]
        ).active = False
        self.assertFalse(
            self.env["account.move"].with_user(self.rep_own).has_access("read")
        )
        report = self._report(self.rep_own, report_type="salesperson")
        report.action_generate()
        invoices = self._lines(report, "invoices")
        self.assertTrue(invoices.no_access)
        self.assertEqual(invoices.count, 0)
        self.assertIn("No access", invoices.label)
        book = openpyxl.load_workbook(io.BytesIO(report.attachment_id.raw))
        self.assertIn("No access", book["Invoices"]["A7"].value)
        self.assertTrue(self._lines(report, "opportunities"))

    def test_invoices_in_two_currencies(self):
        """Invoices in another currency are converted at Odoo's rate of the
        period's end, and the sheet says so."""
        if "account.move" not in self.env:
            self.skipTest("account is not installed")
        eur = self.env.ref("base.EUR")
        usd = self.env.ref("base.USD")
        foreign = eur if self.company.currency_id == usd else usd
        foreign.active = True
        self.env["res.currency.rate"].search(
            [("currency_id", "=", foreign.id)]
        ).unlink()
        self.env["res.currency.rate"].create(
            [
                {"currency_id": foreign.id, "name": self.date_from, "rate": 0.5},
                # after the period's end: not used
                {
                    "currency_id": foreign.id,
                    "name": self.date_to + timedelta(days=1),
                    "rate": 0.25,
                },
            ]
        )
        partner = self.env["res.partner"].create({"name": "Reports customer"})
        moves = self.env["account.move"].create(
            [
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "invoice_date": self.today,
                    "currency_id": currency.id,
                    "invoice_user_id": self.rep_own.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Service", "price_unit": price, "tax_ids": []}
                        )
                    ],
                }
                for move_type, currency, price in (
                    ("out_invoice", foreign, 300.0),
                    ("out_invoice", self.company.currency_id, 50.0),
                    ("out_refund", foreign, 100.0),
                )
            ]
        )
        moves.action_post()
        report = self._report(self.manager, report_type="salesperson")
        report.action_generate()
        lines = self._lines(report, "invoices")
        pivot = (
            self.env["account.move"]
            .with_user(self.manager)
            .read_group(
                [
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("invoice_user_id", "=", self.rep_own.id),
                    ("invoice_date", ">=", self.date_from),
                    ("invoice_date", "<=", self.date_to),
                ],
                ["amount_untaxed:sum"],
                ["currency_id"],
            )
        )
        for group in pivot:
            line = lines.filtered(
                lambda li, g=group: li.original_currency_id.id == g["currency_id"][0]
                and li.category == "Invoices"
            )
            self.assertEqual(line.original_amount, group["amount_untaxed"])
            self.assertEqual(line.count, group["currency_id_count"])
        self.assertEqual(sum(lines.mapped("amount")), 300 * 2 + 50 - 100 * 2)
        self.assertIn(
            f"1 {foreign.name} = 2.0 {self.company.currency_id.name}",
            report.currency_note,
        )
        book = openpyxl.load_workbook(io.BytesIO(report.attachment_id.raw))
        self.assertIn(foreign.name, book["Invoices"]["A3"].value)

    def test_sections_of_installed_apps(self):
        report = self._report(self.manager, report_type="salesperson")
        sections = [section for section, _model, _method in report._sections()]
        self.assertEqual(sections[:2], ["opportunities", "contacts"])
        self.assertEqual("invoices" in sections, "account.move" in self.env)
        self.assertEqual("calls" in sections, "crm.voip.call" in self.env)
        self.assertEqual(
            "events" in sections,
            "crm_event_kind" in self.env["calendar.event"]._fields,
        )
        report.action_generate()
        book = openpyxl.load_workbook(io.BytesIO(report.attachment_id.raw))
        self.assertEqual(len(book.sheetnames), len(sections))

    def test_period_ranges(self):
        Report = self.env["crm.report"]
        today = fields.Date.to_date("2026-05-14")  # a Thursday
        expected = {
            "this_week": ("2026-05-11", "2026-05-17"),
            "last_week": ("2026-05-04", "2026-05-10"),
            "this_month": ("2026-05-01", "2026-05-31"),
            "last_month": ("2026-04-01", "2026-04-30"),
            "this_quarter": ("2026-04-01", "2026-06-30"),
            "last_quarter": ("2026-01-01", "2026-03-31"),
            "this_year": ("2026-01-01", "2026-12-31"),
            "last_year": ("2025-01-01", "2025-12-31"),
        }
        for period, (start, stop) in expected.items():
            with self.subTest(period=period):
                self.assertEqual(
                    Report._period_range(period, today),
                    (fields.Date.to_date(start), fields.Date.to_date(stop)),
                )

    def test_multi_company(self):
        """A report belongs to one company and is seen in that company only; its
        figures are that company's."""
        company_b = self.env["res.company"].create({"name": "Reports Company B"})
        self.manager.company_ids |= company_b
        self.rep_own.company_ids |= company_b
        self.env["crm.lead"].create(
            {
                "name": "Reports opp of company B",
                "type": "opportunity",
                "user_id": self.rep_own.id,
                "company_id": company_b.id,
            }
        ).write({"stage_id": self.stage_won.id})
        report = (
            self.env["crm.report"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[company_b.id, self.company.id])
            .create(
                {
                    "report_type": "won",
                    "period": "custom",
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                    "salesperson_ids": [Command.set(self.people.ids)],
                }
            )
        )
        self.assertEqual(report.company_id, company_b)
        report.action_generate()
        self.assertEqual(report.line_ids.count, 1)
        Report = self.env["crm.report"].with_user(self.manager)
        self.assertFalse(
            Report.with_context(allowed_company_ids=[self.company.id]).search(
                [("id", "=", report.id)]
            )
        )
