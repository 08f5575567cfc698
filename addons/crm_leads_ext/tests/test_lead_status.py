# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged, users
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestLeadStatus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Leads Company B"})
        cls.salesman = new_test_user(
            cls.env,
            login="leads_salesman",
            groups="sales_team.group_sale_salesman_all_leads,crm.group_use_lead",
        )
        cls.status_new = cls.env.ref("crm_leads_ext.lead_status_new")
        cls.status_nurturing = cls.env.ref("crm_leads_ext.lead_status_nurturing")
        cls.status_converted = cls.env.ref("crm_leads_ext.lead_status_converted")
        cls.status_lost = cls.env.ref("crm_leads_ext.lead_status_lost")
        cls.lead = cls.env["crm.lead"].create({"name": "Lead A", "type": "lead"})

    def test_default_mapping_and_status(self):
        """Every company, new ones too, maps the default statuses; a new lead takes the
        New status; an opportunity has no lead status."""
        for company in self.company | self.company_b:
            self.assertEqual(company.crm_lead_status_new_id, self.status_new)
            self.assertEqual(
                company.crm_lead_status_converted_id, self.status_converted
            )
            self.assertEqual(company.crm_lead_status_lost_id, self.status_lost)
        self.assertEqual(self.lead.lead_status_id, self.status_new)
        self.assertTrue(self.lead.lead_status_date)
        opportunity = self.env["crm.lead"].create(
            {"name": "Opp", "type": "opportunity"}
        )
        self.assertFalse(opportunity.lead_status_id)
        self.assertEqual(self.status_new.role, "new")
        self.assertFalse(self.status_nurturing.role)

    def test_mapping_is_checked(self):
        with self.assertRaises(ValidationError):
            self.company.crm_lead_status_lost_id = self.status_nurturing  # open
        with self.assertRaises(ValidationError):
            self.company.crm_lead_status_new_id = self.status_lost  # closed
        other = self.env["crm.lead.status"].create(
            {"name": "Only B", "company_id": self.company_b.id}
        )
        with self.assertRaises(ValidationError):
            self.company.crm_lead_status_new_id = other  # another company's
        self.company_b.crm_lead_status_new_id = other
        lead_b = self.env["crm.lead"].create(
            {"name": "Lead B", "type": "lead", "company_id": self.company_b.id}
        )
        self.assertEqual(lead_b.lead_status_id, other)

    def test_statusbar_moves_and_tracks(self):
        self.lead.lead_status_id = self.status_nurturing
        self.assertEqual(self.lead.lead_status_id, self.status_nurturing)
        self.status_nurturing.write({"set_probability": True, "probability": 35.0})
        self.lead.lead_status_id = self.status_new
        self.lead.lead_status_id = self.status_nurturing
        self.assertEqual(self.lead.probability, 35.0)
        self.assertTrue(self.lead._fields["lead_status_id"].tracking)

    def test_converted_and_lost_only_through_buttons(self):
        for status in (self.status_converted, self.status_lost):
            with self.assertRaises(UserError) as refusal:
                self.lead.lead_status_id = status
            self.assertIn("button only", str(refusal.exception))
            with self.assertRaises(UserError):
                self.env["crm.lead"].create({"name": "x", "lead_status_id": status.id})

    def test_lost_keeps_odoo_semantics(self):
        reason = self.env["crm.lost.reason"].create({"name": "Too expensive"})
        wizard = self.env["crm.lead.lost"].create(
            {"lead_ids": self.lead.ids, "lost_reason_id": reason.id}
        )
        wizard.action_lost_reason_apply()
        self.assertFalse(self.lead.active)
        self.assertEqual(self.lead.probability, 0)
        self.assertEqual(self.lead.lost_reason_id, reason)
        self.assertEqual(self.lead.lead_status_id, self.status_lost)
        closed = (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search(
                [("lead_status_id.is_closed", "=", True), ("id", "=", self.lead.id)]
            )
        )
        self.assertEqual(closed, self.lead)
        self.lead.toggle_active()
        self.assertTrue(self.lead.active)
        self.assertEqual(self.lead.lead_status_id, self.status_new)

    def test_convert_sets_converted(self):
        partner = self.env["res.partner"].create({"name": "Customer"})
        self.lead.convert_opportunity(partner)
        self.assertEqual(self.lead.type, "opportunity")
        self.assertEqual(self.lead.lead_status_id, self.status_converted)

    def test_install_gives_existing_records_their_status(self):
        """Installed into a database full of leads: the columns are filled before the
        statuses exist, so the install hook gives every record its status."""
        opportunity_new = self.env.ref("crm_leads_ext.opportunity_status_new")
        opportunity_won = self.env.ref("crm_leads_ext.opportunity_status_won")
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        lead, lost_lead, opportunity, won = self.env["crm.lead"].create(
            [
                {"name": "Old lead", "type": "lead"},
                {"name": "Old lost lead", "type": "lead"},
                {"name": "Old opportunity", "type": "opportunity"},
                {"name": "Old won", "type": "opportunity", "stage_id": won_stage.id},
            ]
        )
        lost_lead.action_set_lost()
        records = lead | lost_lead | opportunity | won
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET lead_status_id = NULL, opportunity_status_id = NULL"
            " WHERE id IN %s",
            [tuple(records.ids)],
        )
        records.invalidate_recordset()
        self.env["crm.lead"]._crm_lead_status_init()
        self.assertEqual(lead.lead_status_id, self.status_new)
        self.assertEqual(lost_lead.lead_status_id, self.status_lost)
        self.assertEqual(opportunity.opportunity_status_id, opportunity_new)
        self.assertEqual(won.opportunity_status_id, opportunity_won)
        self.assertFalse(opportunity.lead_status_id)

    def test_convert_wizard(self):
        wizard = Form(
            self.env["crm.lead2opportunity.partner"].with_context(
                active_model="crm.lead",
                active_id=self.lead.id,
                active_ids=self.lead.ids,
            )
        ).save()
        wizard.action_apply()
        self.assertEqual(self.lead.type, "opportunity")
        self.assertEqual(self.lead.lead_status_id, self.status_converted)

    def test_delete_mapped_or_used_refused(self):
        with self.assertRaises(UserError):
            self.status_lost.unlink()
        with self.assertRaises(UserError):
            self.status_new.unlink()
        self.lead.lead_status_id = self.status_nurturing
        with self.assertRaises(UserError):
            self.status_nurturing.unlink()
        spare = self.env["crm.lead.status"].create({"name": "Spare"})
        spare.unlink()
        self.assertFalse(spare.exists())

    @users("leads_salesman")
    def test_take_ownership_and_assign_to_me(self):
        lead = self.lead.with_user(self.env.user)
        lead.action_take_ownership()
        self.assertEqual(lead.user_id, self.salesman)
        others = self.env["crm.lead"].create(
            [{"name": f"Bulk {i}", "type": "lead", "user_id": False} for i in range(3)]
        )
        result = others.action_assign_to_me()
        self.assertEqual(others.mapped("user_id"), self.salesman)
        self.assertIn("3 lead(s)", result["params"]["message"])

    def test_statuses_of_another_company_not_offered(self):
        other = self.env["crm.lead.status"].create(
            {"name": "Only B", "company_id": self.company_b.id}
        )
        user_a = new_test_user(
            self.env,
            login="leads_user_a",
            groups="sales_team.group_sale_salesman,crm.group_use_lead",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        visible = self.env["crm.lead.status"].with_user(user_a).search([])
        self.assertNotIn(other, visible)
        self.assertIn(self.status_new, visible)
        columns = (
            self.env["crm.lead"]
            .with_user(user_a)
            ._read_group_lead_status_ids(self.env["crm.lead.status"], [])
        )
        self.assertNotIn(other, columns)

    def test_open_and_closed_lists(self):
        lost = self.env["crm.lead"].create({"name": "Lost one", "type": "lead"})
        lost.action_set_lost()
        open_action = self.env.ref("crm_leads_ext.crm_lead_action_open_leads")
        closed_action = self.env.ref("crm_leads_ext.crm_lead_action_closed_leads")
        Lead = self.env["crm.lead"].with_context(active_test=False)
        ids = (self.lead | lost).ids
        open_domain = [("id", "in", ids)] + safe_eval(open_action.domain)
        closed_domain = [("id", "in", ids)] + safe_eval(closed_action.domain)
        self.assertEqual(Lead.search(open_domain), self.lead)
        self.assertEqual(Lead.search(closed_domain), lost)


@tagged("post_install", "-at_install")
class TestOpportunityFields(TransactionCase):
    def test_scoring_is_apart_from_priority(self):
        lead = self.env["crm.lead"].create({"name": "Scored", "crm_score": "5"})
        self.assertEqual(lead.crm_score, "5")
        self.assertEqual(lead.priority, "0")

    def test_scoring_has_its_own_label_away_from_priority(self):
        """On the lead and opportunity forms the scoring stars have a row of their
        own labelled "Scoring", not next to Odoo's priority stars."""
        salesman = new_test_user(
            self.env, login="crm_score_view", groups="sales_team.group_sale_salesman"
        )
        Lead = self.env["crm.lead"].with_user(salesman)
        arch = etree.fromstring(
            Lead.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        scores = arch.xpath("//field[@name='crm_score']")
        self.assertEqual(len(scores), 2)  # the lead's group and the opportunity's
        for score in scores:
            self.assertEqual(score.getparent().tag, "group")  # labelled by its group
            self.assertFalse(score.get("nolabel"))
            previous = score.getprevious()
            self.assertNotEqual(previous.get("name"), "priority")
        self.assertEqual(
            Lead.fields_get(["crm_score"])["crm_score"]["string"], "Scoring"
        )

    def test_best_and_worst_case(self):
        opportunity = self.env["crm.lead"].create(
            {
                "name": "Deal",
                "type": "opportunity",
                "expected_revenue": 1000,
                "worst_case_amount": 600,
                "best_case_amount": 1500,
            }
        )
        with self.assertRaises(ValidationError):
            opportunity.worst_case_amount = 1200
        with self.assertRaises(ValidationError):
            opportunity.best_case_amount = 900
        opportunity.write({"expected_revenue": 2000, "best_case_amount": 2500})
        self.assertEqual(opportunity.best_case_amount, 2500)
        with self.assertRaises(ValidationError):
            opportunity.write({"expected_revenue": 3000, "best_case_amount": 2800})

    def test_expected_revenue_moves_the_cases(self):
        """The expected revenue typed in the form above the best case (or below the
        worst case) is saved, and the case follows it, tracked in the chatter."""
        salesman = new_test_user(
            self.env, login="cases_salesman", groups="sales_team.group_sale_salesman"
        )
        opportunity = (
            self.env["crm.lead"]
            .with_user(salesman)
            .create(
                {
                    "name": "Deal",
                    "type": "opportunity",
                    "user_id": salesman.id,
                    "expected_revenue": 1000,
                    "worst_case_amount": 600,
                    "best_case_amount": 1500,
                }
            )
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # the creation's own tracking round
        with Form(opportunity) as form:
            form.expected_revenue = 1800
        self.assertEqual(opportunity.expected_revenue, 1800)
        self.assertEqual(opportunity.best_case_amount, 1800)
        self.assertEqual(opportunity.worst_case_amount, 600)
        with Form(opportunity) as form:
            form.expected_revenue = 400
        self.assertEqual(opportunity.worst_case_amount, 400)
        self.assertEqual(opportunity.best_case_amount, 1800)
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written on commit
        tracked = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "crm.lead"),
                    ("mail_message_id.res_id", "=", opportunity.id),
                    ("field_id.name", "=", "best_case_amount"),
                ]
            )
        )
        self.assertEqual(
            [(t.old_value_float, t.new_value_float) for t in tracked], [(1500, 1800)]
        )
        # several opportunities at once, each keeps its own cases
        other = opportunity.create(
            {
                "name": "Other deal",
                "type": "opportunity",
                "user_id": salesman.id,
                "expected_revenue": 1000,
                "best_case_amount": 5000,
                "worst_case_amount": 100,
            }
        )
        (opportunity | other).write({"expected_revenue": 2500})
        self.assertEqual(opportunity.best_case_amount, 2500)
        self.assertEqual(other.best_case_amount, 5000)
        self.assertEqual(other.worst_case_amount, 100)
