# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import date_utils

from .crm_report_xlsx import write_workbook

REPORT_TYPES = [
    ("funnel", "Sales funnel"),
    ("forecast", "Sales forecast"),
    ("won", "Won deals"),
    ("salesperson", "Statistics per salesperson"),
    ("summary", "Summary for a period"),
]
PERIODS = [
    ("this_week", "This week"),
    ("last_week", "Last week"),
    ("this_month", "This month"),
    ("last_month", "Last month"),
    ("this_quarter", "This quarter"),
    ("last_quarter", "Last quarter"),
    ("this_year", "This year"),
    ("last_year", "Last year"),
    ("custom", "Custom range"),
]
# period -> (granularity of date_utils, how many of them back)
PERIOD_RANGES = {
    "this_week": ("week", 0),
    "last_week": ("week", 1),
    "this_month": ("month", 0),
    "last_month": ("month", 1),
    "this_quarter": ("quarter", 0),
    "last_quarter": ("quarter", 1),
    "this_year": ("year", 0),
    "last_year": ("year", 1),
}
STEP_DELTAS = {
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "year": relativedelta(years=1),
}
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class CrmReport(models.Model):
    """A generated CRM report: its parameters, its figures (lines, shown as graphs)
    and its .xlsx file. Only the user who made it sees it."""

    _name = "crm.report"
    _description = "CRM report"
    _order = "create_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    report_type = fields.Selection(
        REPORT_TYPES, string="Report type", required=True, default="funnel"
    )
    period = fields.Selection(PERIODS, required=True, default="this_month")
    date_from = fields.Date(
        string="From",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    date_to = fields.Date(
        string="To",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_scope = fields.Selection(
        [("users", "Users"), ("team", "Sales team"), ("all", "Everyone")],
        string="Salespeople",
        required=True,
        default="users",
    )
    salesperson_ids = fields.Many2many(
        comodel_name="res.users",
        relation="crm_report_salesperson_rel",
        column1="report_id",
        column2="user_id",
        string="Users",
        domain="[('share', '=', False)]",
        default=lambda self: self.env.user,
    )
    team_id = fields.Many2one(
        comodel_name="crm.team", string="Sales team", check_company=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Owner",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(
        [("draft", "To generate"), ("done", "Generated")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
    )
    generated_on = fields.Datetime(readonly=True, copy=False)
    people_label = fields.Char(string="People", readonly=True, copy=False)
    currency_note = fields.Text(string="Currencies", readonly=True, copy=False)
    line_ids = fields.One2many(
        comodel_name="crm.report.line",
        inverse_name="report_id",
        string="Figures",
        readonly=True,
        copy=False,
    )
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment",
        string="File",
        readonly=True,
        copy=False,
        ondelete="set null",
    )

    # ------------------------------------------------------------------
    # Computes and constraints
    # ------------------------------------------------------------------

    @api.depends("report_type", "period", "date_from", "date_to")
    def _compute_name(self):
        types = dict(self._fields["report_type"]._description_selection(self.env))
        for report in self:
            if report.date_from and report.date_to:
                report.name = self.env._(
                    "%(type)s, %(date_from)s to %(date_to)s",
                    type=types.get(report.report_type, ""),
                    date_from=report.date_from,
                    date_to=report.date_to,
                )
            else:
                report.name = types.get(report.report_type, "")

    @api.depends("period")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for report in self:
            if report.period in PERIOD_RANGES:
                report.date_from, report.date_to = self._period_range(
                    report.period, today
                )
            else:  # a custom range starts from the dates shown
                report.date_from, report.date_to = report.date_from, report.date_to

    @api.model
    def _period_range(self, period, today):
        granularity, back = PERIOD_RANGES[period]
        day = today - STEP_DELTAS[granularity] * back
        return (
            date_utils.start_of(day, granularity),
            date_utils.end_of(day, granularity),
        )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for report in self:
            if (
                report.date_from
                and report.date_to
                and report.date_from > report.date_to
            ):
                raise ValidationError(
                    self.env._(
                        "The period of a report cannot end (%(date_to)s) before it "
                        "starts (%(date_from)s).",
                        date_from=report.date_from,
                        date_to=report.date_to,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------

    def write(self, vals):
        if "user_id" in vals and not self.env.su:
            raise UserError(self.env._("A report always belongs to its author."))
        return super().write(vals)

    def unlink(self):
        # the files are attachments of the report, which Odoo keeps otherwise
        self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)]
        ).unlink()
        return super().unlink()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_generate(self):
        for report in self:
            report._generate()
        return True

    def action_download(self):
        self.ensure_one()
        if not self.attachment_id:
            raise UserError(self.env._("Generate the report first."))
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "download",
        }

    def action_open_graph(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_reports_ext.crm_report_line_action"
        )
        first = self.line_ids[:1].section
        lines = self.line_ids.filtered(lambda line: line.section == first)
        context = {
            "default_report_id": self.id,
            # sections without amounts (contacts, events) are shown by count
            "graph_measure": "amount" if any(lines.mapped("amount")) else "count",
            "graph_groupbys": ["label"],
        }
        if first:
            context[f"search_default_section_{first}"] = 1
        action.update(
            {
                "name": self.name,
                "domain": [("report_id", "=", self.id)],
                "context": context,
            }
        )
        return action

    # ------------------------------------------------------------------
    # Business: the figures
    # ------------------------------------------------------------------

    def _check_ready(self):
        """Bad input as a clear message, before any figure is read."""
        self.ensure_one()
        if not self.date_from or not self.date_to:
            raise UserError(
                self.env._("Choose the period of the report: a start and an end date.")
            )
        if self.date_from > self.date_to:
            raise UserError(
                self.env._(
                    "The period of a report cannot end (%(date_to)s) before it "
                    "starts (%(date_from)s).",
                    date_from=self.date_from,
                    date_to=self.date_to,
                )
            )
        if self.user_scope == "users" and not self.salesperson_ids:
            raise UserError(self.env._("Choose at least one salesperson, or Everyone."))
        if self.user_scope == "team":
            if not self.team_id:
                raise UserError(self.env._("Choose the sales team to report on."))
            if not self._salespeople():
                raise UserError(
                    self.env._(
                        "The sales team %(team)s has no salesperson.",
                        team=self.team_id.display_name,
                    )
                )

    def _salespeople(self):
        """The users reported on; None for everyone."""
        if self.user_scope == "all":
            return None
        if self.user_scope == "team":
            return self.team_id.member_ids | self.team_id.user_id
        return self.salesperson_ids

    def _people_label(self):
        if self.user_scope == "all":
            return self.env._("Everyone")
        if self.user_scope == "team":
            return self.env._(
                "Sales team %(team)s: %(users)s",
                team=self.team_id.display_name,
                users=", ".join(self._salespeople().mapped("name")),
            )
        return ", ".join(self.salesperson_ids.mapped("name"))

    def _user_domain(self, field):
        users = self._salespeople()
        return [] if users is None else [(field, "in", users.ids)]

    def _datetime_bounds(self):
        """The period as UTC datetimes [start, stop[, days taken in the user's zone
        (as the pivot's date filters do)."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(self.date_from, time.min))
        stop = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None),
        )

    def _datetime_domain(self, field):
        start, stop = self._datetime_bounds()
        return [(field, ">=", start), (field, "<", stop)]

    def _lead_domain(self):
        return [
            ("type", "=", "opportunity"),
            ("company_id", "in", [self.company_id.id, False]),
        ] + self._user_domain("user_id")

    def _sections(self):
        """(section, model read, method) of the report type; a section whose app is
        not installed is left out. Bridges may extend it."""
        self.ensure_one()
        env = self.env
        if self.report_type == "salesperson":
            sections = [
                ("opportunities", "crm.lead", self._section_opportunities),
                ("contacts", "res.partner", self._section_contacts),
            ]
            if "crm_event_kind" in env["calendar.event"]._fields:
                sections.append(("events", "calendar.event", self._section_events))
            if "account.move" in env:
                sections.append(("invoices", "account.move", self._section_invoices))
            if "crm.voip.call" in env:
                sections.append(("calls", "crm.voip.call", self._section_calls))
            return sections
        return [
            (
                self.report_type,
                "crm.lead",
                getattr(self, f"_section_{self.report_type}"),
            )
        ]

    def _user_label(self, user):
        return user.name if user else self.env._("Unassigned")

    def _convert(self, amount, currency):
        """An amount in the company currency, at Odoo's rate of the period's end."""
        company_currency = self.company_id.currency_id
        if not currency or currency == company_currency:
            return amount
        # the currencies converted during a generation, for the sheet's note
        converted = self.env.context.get("crm_report_converted")
        if converted is not None and currency.id not in converted:
            converted.append(currency.id)
        return currency._convert(
            amount, company_currency, self.company_id, self.date_to
        )

    def _section_funnel(self):
        """Opportunities created in the period, by stage (pipeline order): those
        still there, those lost there, how many reached the stage or a later one,
        and the conversion from the previous stage."""
        Lead = self.env["crm.lead"].with_context(active_test=False)
        domain = (
            self._lead_domain()
            + self._datetime_domain("create_date")
            + ["|", ("active", "=", True), ("probability", "=", 0)]
        )
        groups = Lead._read_group(
            domain,
            ["stage_id", "active"],
            ["__count", "expected_revenue:sum"],
        )
        per_stage = {}
        for stage, active, count, amount in groups:
            open_count, open_amount, lost_count, lost_amount = per_stage.get(
                stage, (0, 0.0, 0, 0.0)
            )
            if active:
                open_count, open_amount = open_count + count, open_amount + amount
            else:
                lost_count, lost_amount = lost_count + count, lost_amount + amount
            per_stage[stage] = (open_count, open_amount, lost_count, lost_amount)
        stages = self.env["crm.stage"].browse(
            [stage.id for stage in per_stage if stage]
        )
        ordered = list(stages.sorted()) + (
            [self.env["crm.stage"]] if self.env["crm.stage"] in per_stage else []
        )
        totals = [
            sum(per_stage[s][0] + per_stage[s][2] for s in ordered[i:])
            for i in range(len(ordered))
        ]
        rows = []
        # numbered so that the graph, which sorts rows by label, keeps the pipeline
        width = len(str(len(ordered)))
        for index, stage in enumerate(ordered):
            open_count, open_amount, lost_count, lost_amount = per_stage[stage]
            previous = totals[index - 1] if index else totals[0]
            rows.append(
                {
                    "label": f"{index + 1:0{width}d}. "
                    + (stage.name or self.env._("No stage")),
                    "category": self.env._("Won")
                    if stage.is_won
                    else self.env._("Open"),
                    "count": open_count,
                    "amount": open_amount,
                    "lost_count": lost_count,
                    "reached_count": totals[index],
                    "rate": 100.0 * totals[index] / previous if previous else 0.0,
                }
            )
        return rows

    def _section_forecast(self):
        """Open opportunities by expected closing month, expected and weighted."""
        domain = self._lead_domain() + [
            ("stage_id.is_won", "=", False),
            ("date_deadline", ">=", self.date_from),
            ("date_deadline", "<=", self.date_to),
        ]
        groups = self.env["crm.lead"]._read_group(
            domain,
            ["date_deadline:month"],
            ["__count", "expected_revenue:sum", "prorated_revenue:sum"],
        )
        return [
            {
                "label": month.strftime("%Y-%m"),
                "count": count,
                "amount": amount,
                "weighted_amount": weighted,
            }
            for month, count, amount, weighted in groups
        ]

    def _won_domain(self):
        return (
            self._lead_domain()
            + [("stage_id.is_won", "=", True)]
            + self._datetime_domain("date_closed")
        )

    def _section_won(self):
        """Opportunities won in the period, by salesperson."""
        groups = self.env["crm.lead"]._read_group(
            self._won_domain(), ["user_id"], ["__count", "expected_revenue:sum"]
        )
        return [
            {
                "label": self._user_label(user),
                "user_id": user.id,
                "count": count,
                "amount": amount,
            }
            for user, count, amount in groups
        ]

    def _won_deals(self):
        """The won deals themselves, for the sheet (one query)."""
        return self.env["crm.lead"].search_read(
            self._won_domain(),
            ["name", "partner_id", "user_id", "date_closed", "expected_revenue"],
            order="date_closed, id",
        )

    def _section_opportunities(self):
        """Per salesperson: opportunities created, won and lost in the period."""
        Lead = self.env["crm.lead"]
        created = Lead._read_group(
            self._lead_domain() + self._datetime_domain("create_date"),
            ["user_id"],
            ["__count", "expected_revenue:sum"],
        )
        won = Lead._read_group(
            self._won_domain(), ["user_id"], ["__count", "expected_revenue:sum"]
        )
        lost = Lead.with_context(active_test=False)._read_group(
            self._lead_domain()
            + [("active", "=", False), ("probability", "=", 0)]
            + self._datetime_domain("date_closed"),
            ["user_id"],
            ["__count"],
        )
        rows = {}

        def row(user):
            return rows.setdefault(
                user,
                {
                    "label": self._user_label(user),
                    "user_id": user.id,
                    "count": 0,
                    "amount": 0.0,
                    "won_count": 0,
                    "won_amount": 0.0,
                    "lost_count": 0,
                },
            )

        for user, count, amount in created:
            row(user).update(count=count, amount=amount)
        for user, count, amount in won:
            row(user).update(won_count=count, won_amount=amount)
        for user, count in lost:
            row(user).update(lost_count=count)
        return sorted(rows.values(), key=lambda r: r["label"])

    def _section_contacts(self):
        """Per salesperson: contacts created in the period they are salesperson of."""
        groups = self.env["res.partner"]._read_group(
            [("company_id", "in", [self.company_id.id, False])]
            + self._user_domain("user_id")
            + self._datetime_domain("create_date"),
            ["user_id"],
            ["__count"],
        )
        return [
            {"label": self._user_label(user), "user_id": user.id, "count": count}
            for user, count in groups
        ]

    def _section_events(self):
        """Per salesperson and event type (crm_events_reminders): count and hours."""
        Event = self.env["calendar.event"]
        kinds = dict(Event._fields["crm_event_kind"]._description_selection(self.env))
        groups = Event._read_group(
            self._user_domain("user_id") + self._datetime_domain("start"),
            ["user_id", "crm_event_kind"],
            ["__count", "duration:sum"],
        )
        return [
            {
                "label": self._user_label(user),
                "user_id": user.id,
                "category": kinds.get(kind, kind or ""),
                "count": count,
                "duration": duration,
            }
            for user, kind, count, duration in groups
        ]

    def _section_invoices(self):
        """Per salesperson and currency: posted customer invoices and credit notes
        dated in the period, untaxed, converted at the period's end."""
        groups = self.env["account.move"]._read_group(
            [
                ("company_id", "=", self.company_id.id),
                ("move_type", "in", ("out_invoice", "out_refund")),
                ("state", "=", "posted"),
                ("invoice_date", ">=", self.date_from),
                ("invoice_date", "<=", self.date_to),
            ]
            + self._user_domain("invoice_user_id"),
            ["invoice_user_id", "currency_id", "move_type"],
            ["__count", "amount_untaxed:sum"],
        )
        types = {
            "out_invoice": self.env._("Invoices"),
            "out_refund": self.env._("Credit notes"),
        }
        rows = []
        for user, currency, move_type, count, amount in groups:
            signed = -amount if move_type == "out_refund" else amount
            rows.append(
                {
                    "label": self._user_label(user),
                    "user_id": user.id,
                    "category": types[move_type],
                    "count": count,
                    "original_amount": signed,
                    "original_currency_id": currency.id,
                    "amount": self._convert(signed, currency),
                }
            )
        return rows

    def _section_calls(self):
        """Per salesperson (crm_voip): calls, their duration and cost."""
        groups = self.env["crm.voip.call"]._read_group(
            [("company_id", "=", self.company_id.id)]
            + self._user_domain("user_id")
            + self._datetime_domain("date_start"),
            ["user_id", "currency_id"],
            ["__count", "duration:sum", "price:sum"],
        )
        rows = {}
        for user, currency, count, seconds, price in groups:
            row = rows.setdefault(
                user,
                {
                    "label": self._user_label(user),
                    "user_id": user.id,
                    "count": 0,
                    "duration": 0.0,
                    "amount": 0.0,
                },
            )
            row["count"] += count
            row["duration"] += seconds / 3600.0
            row["amount"] += self._convert(price, currency)
        return sorted(rows.values(), key=lambda r: r["label"])

    def _section_summary(self):
        """The key figures of the period, each one grouped read."""
        rows = []
        totals = {}
        for section, model, method in self._summary_sources():
            if not self.env[model].has_access("read"):
                rows.append(self._no_access_row(model))
                continue
            values = method()
            totals[section] = {
                key: sum(v.get(key, 0) for v in values)
                for key in (
                    "count",
                    "amount",
                    "weighted_amount",
                    "won_count",
                    "won_amount",
                    "lost_count",
                    "duration",
                )
            }
        labels = self._summary_labels()
        for section, key, amount_key, duration in labels:
            if section not in totals:
                continue
            figures = totals[section]
            rows.append(
                {
                    "label": key,
                    "count": figures[amount_key[0]],
                    "amount": figures[amount_key[1]] if amount_key[1] else 0.0,
                    "weighted_amount": figures["weighted_amount"]
                    if section == "forecast"
                    else 0.0,
                    "duration": figures["duration"] if duration else 0.0,
                }
            )
        return rows

    def _summary_sources(self):
        sources = [
            ("opportunities", "crm.lead", self._section_opportunities),
            ("forecast", "crm.lead", self._section_forecast),
            ("contacts", "res.partner", self._section_contacts),
        ]
        if "crm_event_kind" in self.env["calendar.event"]._fields:
            sources.append(("events", "calendar.event", self._section_events))
        if "account.move" in self.env:
            sources.append(("invoices", "account.move", self._section_invoices))
        if "crm.voip.call" in self.env:
            sources.append(("calls", "crm.voip.call", self._section_calls))
        return sources

    def _summary_labels(self):
        """(section, label, (count key, amount key), with duration)."""
        return [
            (
                "opportunities",
                self.env._("New opportunities"),
                ("count", "amount"),
                False,
            ),
            (
                "opportunities",
                self.env._("Won opportunities"),
                ("won_count", "won_amount"),
                False,
            ),
            (
                "opportunities",
                self.env._("Lost opportunities"),
                ("lost_count", None),
                False,
            ),
            (
                "forecast",
                self.env._("Open opportunities closing in the period"),
                ("count", "amount"),
                False,
            ),
            ("contacts", self.env._("New contacts"), ("count", None), False),
            ("events", self.env._("Tasks and events"), ("count", None), True),
            (
                "invoices",
                self.env._("Invoices and credit notes"),
                ("count", "amount"),
                False,
            ),
            ("calls", self.env._("Calls"), ("count", "amount"), True),
        ]

    def _no_access_row(self, model):
        return {
            "label": self.env._(
                "No access: %(what)s", what=self.env[model]._description
            ),
            "no_access": True,
        }

    def _compute_lines(self):
        """The values of the report's lines, section by section, as the user: a
        section whose records the user may not read says so."""
        self.ensure_one()
        vals_list = []
        for section, model, method in self._sections():
            if not self.env[model].has_access("read"):
                rows = [self._no_access_row(model)]
            else:
                rows = method()
            for sequence, row in enumerate(rows):
                vals_list.append(
                    dict(row, report_id=self.id, section=section, sequence=sequence)
                )
        return vals_list

    def _currency_note(self, currencies):
        company_currency = self.company_id.currency_id
        note = self.env._(
            "Amounts in %(currency)s (company %(company)s).",
            currency=company_currency.name,
            company=self.company_id.name,
        )
        for currency in currencies.sorted("name"):
            rate = currency._get_conversion_rate(
                currency, company_currency, self.company_id, self.date_to
            )
            note += " " + self.env._(
                "%(currency)s converted with Odoo's rate of %(date)s: "
                "1 %(currency)s = %(rate)s %(company_currency)s.",
                currency=currency.name,
                date=self.date_to,
                rate=round(rate, 6),
                company_currency=company_currency.name,
            )
        return note

    def _generate(self):
        self._check_ready()
        converted = []
        vals_list = self.with_context(crm_report_converted=converted)._compute_lines()
        self.line_ids.unlink()
        self.env["crm.report.line"].create(vals_list)
        self.write(
            {
                "state": "done",
                "generated_on": fields.Datetime.now(),
                "people_label": self._people_label(),
                "currency_note": self._currency_note(
                    self.env["res.currency"].browse(converted)
                ),
            }
        )
        data = write_workbook(self._workbook_data())
        filename = re.sub(r"[^\w\- ]+", "_", self.name) + ".xlsx"
        old = self.attachment_id
        self.attachment_id = self.env["ir.attachment"].create(
            {
                "name": filename,
                "raw": data,
                "mimetype": XLSX_MIMETYPE,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        old.unlink()

    # ------------------------------------------------------------------
    # The workbook's content (the writer itself knows no Odoo)
    # ------------------------------------------------------------------

    def _columns(self, section):
        """(field, header, format) of each column of a section's sheet."""
        salesperson = ("label", self.env._("Salesperson"), "text")
        columns = {
            "funnel": [
                ("label", self.env._("Stage"), "text"),
                ("category", self.env._("Status"), "text"),
                ("count", self.env._("Open opportunities"), "count"),
                ("amount", self.env._("Expected revenue"), "money"),
                ("lost_count", self.env._("Lost there"), "count"),
                ("reached_count", self.env._("Reached this stage"), "count"),
                ("rate", self.env._("Conversion from the previous stage"), "percent"),
            ],
            "forecast": [
                ("label", self.env._("Expected closing month"), "text"),
                ("count", self.env._("Open opportunities"), "count"),
                ("amount", self.env._("Expected revenue"), "money"),
                ("weighted_amount", self.env._("Weighted by probability"), "money"),
            ],
            "won": [
                salesperson,
                ("count", self.env._("Won opportunities"), "count"),
                ("amount", self.env._("Won revenue"), "money"),
            ],
            "opportunities": [
                salesperson,
                ("count", self.env._("New opportunities"), "count"),
                ("amount", self.env._("Their expected revenue"), "money"),
                ("won_count", self.env._("Won"), "count"),
                ("won_amount", self.env._("Won revenue"), "money"),
                ("lost_count", self.env._("Lost"), "count"),
            ],
            "contacts": [salesperson, ("count", self.env._("New contacts"), "count")],
            "events": [
                salesperson,
                ("category", self.env._("Type"), "text"),
                ("count", self.env._("Tasks and events"), "count"),
                ("duration", self.env._("Duration"), "duration"),
            ],
            "invoices": [
                salesperson,
                ("category", self.env._("Type"), "text"),
                ("count", self.env._("Documents"), "count"),
                ("original_amount", self.env._("Untaxed amount"), "number"),
                ("original_currency", self.env._("Currency"), "text"),
                ("amount", self.env._("Untaxed amount, converted"), "money"),
            ],
            "calls": [
                salesperson,
                ("count", self.env._("Calls"), "count"),
                ("duration", self.env._("Duration"), "duration"),
                ("amount", self.env._("Cost"), "money"),
            ],
            "summary": [
                ("label", self.env._("Figure"), "text"),
                ("count", self.env._("Count"), "count"),
                ("amount", self.env._("Amount"), "money"),
                ("weighted_amount", self.env._("Weighted by probability"), "money"),
                ("duration", self.env._("Duration"), "duration"),
            ],
        }
        return columns[section]

    def _workbook_data(self):
        """Everything the sheets show, as plain Python values."""
        sections = dict(
            self.env["crm.report.line"]
            ._fields["section"]
            ._description_selection(self.env)
        )
        header = [
            self.name,
            self.env._("Salespeople: %(people)s", people=self.people_label),
            self.currency_note,
            self.env._(
                "Generated on %(date)s by %(user)s",
                date=fields.Datetime.context_timestamp(
                    self, self.generated_on
                ).strftime("%Y-%m-%d %H:%M"),
                user=self.user_id.name,
            ),
        ]
        sheets = []
        for section, _model, _method in self._sections():
            lines = self.line_ids.filtered(lambda line, s=section: line.section == s)
            sheet = {
                "name": sections[section],
                "header": header,
                "columns": self._columns(section),
                "rows": [],
                "message": None,
                "total_label": self.env._("Total"),
                "currency_symbol": self.currency_id.symbol,
                "currency_position": self.currency_id.position,
                "decimals": self.currency_id.decimal_places,
            }
            if lines[:1].no_access:
                sheet["message"] = lines[:1].label
            elif not lines:
                sheet["message"] = self.env._("Nothing in this period.")
            for line in lines:
                sheet["rows"].append(
                    {
                        key: (
                            line.original_currency_id.name or ""
                            if key == "original_currency"
                            else line[key] or (0 if fmt != "text" else "")
                        )
                        for key, _h, fmt in sheet["columns"]
                    }
                )
            # the funnel's rate and the summary's mixed figures have no total
            sheet["totals"] = section not in ("funnel", "summary")
            sheets.append(sheet)
        if self.report_type == "won":
            sheets.append(self._deals_sheet(header))
        return sheets

    def _deals_sheet(self, header):
        rows = [
            {
                "name": deal["name"],
                "partner": deal["partner_id"] and deal["partner_id"][1] or "",
                "user": deal["user_id"] and deal["user_id"][1] or "",
                "date": fields.Datetime.context_timestamp(
                    self, deal["date_closed"]
                ).date(),
                "amount": deal["expected_revenue"],
            }
            for deal in self._won_deals()
        ]
        return {
            "name": self.env._("Deals"),
            "header": header,
            "columns": [
                ("name", self.env._("Opportunity"), "text"),
                ("partner", self.env._("Customer"), "text"),
                ("user", self.env._("Salesperson"), "text"),
                ("date", self.env._("Closed on"), "date"),
                ("amount", self.env._("Won revenue"), "money"),
            ],
            "rows": rows,
            "message": None if rows else self.env._("Nothing in this period."),
            "total_label": self.env._("Total"),
            "currency_symbol": self.currency_id.symbol,
            "currency_position": self.currency_id.position,
            "decimals": self.currency_id.decimal_places,
            "totals": True,
        }
