# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestOpportunityStatus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        ref = cls.env.ref
        cls.opp_new = ref("crm_leads_ext.opportunity_status_new")
        cls.opp_sales = ref("crm_leads_ext.opportunity_status_sales")
        cls.opp_proposal = ref("crm_leads_ext.opportunity_status_proposal")
        cls.opp_won = ref("crm_leads_ext.opportunity_status_won")
        cls.opp_lost = ref("crm_leads_ext.opportunity_status_lost")
        cls.lead_new = ref("crm_leads_ext.lead_status_new")
        cls.stage_new = cls.env["crm.stage"].create({"name": "S New", "sequence": 1})
        cls.stage_won = cls.env["crm.stage"].create(
            {"name": "S Won", "sequence": 99, "is_won": True}
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {"name": "Deal", "type": "opportunity", "stage_id": cls.stage_new.id}
        )

    def test_default_mapping_and_status(self):
        company_b = self.env["res.company"].create({"name": "Opp Company B"})
        for company in self.company | company_b:
            self.assertEqual(company.crm_opportunity_status_new_id, self.opp_new)
            self.assertEqual(
                company.crm_opportunity_status_proposal_id, self.opp_proposal
            )
            self.assertEqual(company.crm_opportunity_status_won_id, self.opp_won)
            self.assertEqual(company.crm_opportunity_status_lost_id, self.opp_lost)
        self.assertEqual(self.opportunity.opportunity_status_id, self.opp_new)
        self.assertFalse(self.opportunity.lead_status_id)
        lead = self.env["crm.lead"].create({"name": "L", "type": "lead"})
        self.assertFalse(lead.opportunity_status_id)
        lead.convert_opportunity(self.env["res.partner"].create({"name": "P"}))
        self.assertEqual(lead.opportunity_status_id, self.opp_new)
        self.assertEqual(lead.lead_status_id.role, "converted")
        self.assertEqual(self.opp_proposal.role, "proposal")

    def test_wrong_list_cannot_be_mapped(self):
        with self.assertRaises(ValidationError):
            self.company.crm_opportunity_status_new_id = self.lead_new
        with self.assertRaises(ValidationError):
            self.company.crm_lead_status_new_id = self.opp_new
        with self.assertRaises(ValidationError):
            self.company.crm_opportunity_status_proposal_id = self.opp_won  # closed
        with self.assertRaises(ValidationError):
            self.opp_proposal.is_closed = True  # mapped as an open role

    def test_statusbar_won_is_odoo_won(self):
        self.opportunity.opportunity_status_id = self.opp_sales
        self.assertEqual(self.opportunity.opportunity_status_id, self.opp_sales)
        self.opportunity.opportunity_status_id = self.opp_won
        self.assertTrue(self.opportunity.stage_id.is_won)
        self.assertEqual(self.opportunity.probability, 100)
        self.assertEqual(self.opportunity.opportunity_status_id, self.opp_won)
        # dragged back to an open stage of the pipeline: no longer won
        self.opportunity.stage_id = self.stage_new
        self.assertEqual(self.opportunity.opportunity_status_id, self.opp_new)

    def test_statusbar_lost_is_odoo_lost(self):
        self.opportunity.opportunity_status_id = self.opp_lost
        self.assertFalse(self.opportunity.active)
        self.assertEqual(self.opportunity.probability, 0)
        self.assertEqual(self.opportunity.opportunity_status_id, self.opp_lost)
        # the stage is left alone: predictive lead scoring counts the lost
        # opportunity in the stage it reached
        self.assertEqual(self.opportunity.stage_id, self.stage_new)

    def test_buttons_and_restore(self):
        self.opportunity.action_set_won()
        self.assertEqual(self.opportunity.opportunity_status_id, self.opp_won)
        reason = self.env["crm.lost.reason"].create({"name": "Budget"})
        other = self.env["crm.lead"].create({"name": "Other", "type": "opportunity"})
        self.env["crm.lead.lost"].create(
            {"lead_ids": other.ids, "lost_reason_id": reason.id}
        ).action_lost_reason_apply()
        self.assertEqual(other.opportunity_status_id, self.opp_lost)
        self.assertEqual(other.lost_reason_id, reason)
        other.toggle_active()
        self.assertTrue(other.active)
        self.assertEqual(other.opportunity_status_id, self.opp_new)

    def test_open_and_closed_lists(self):
        won = self.env["crm.lead"].create({"name": "W", "type": "opportunity"})
        won.action_set_won()
        lost = self.env["crm.lead"].create({"name": "L", "type": "opportunity"})
        lost.action_set_lost()
        Lead = self.env["crm.lead"].with_context(active_test=False)
        ids = (self.opportunity | won | lost).ids
        for xmlid, expected in (
            ("crm_leads_ext.crm_opportunity_action_open", self.opportunity),
            ("crm_leads_ext.crm_opportunity_action_closed", won | lost),
        ):
            domain = safe_eval(self.env.ref(xmlid).domain)
            self.assertEqual(Lead.search([("id", "in", ids)] + domain), expected)

    def test_time_in_status(self):
        """Status changes are tracked; the time spent in each status is computed
        from the tracking values."""
        opportunity = self.opportunity
        past = fields.Datetime.now() - timedelta(hours=5)
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s",
            [past, opportunity.id],
        )
        opportunity.invalidate_recordset(["create_date"])
        self.env.flush_all()
        self.env.cr.precommit.run()  # the creation's own tracking round
        opportunity.opportunity_status_id = self.opp_sales
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written on commit
        durations = opportunity.opportunity_status_duration
        self.assertGreaterEqual(durations[str(self.opp_new.id)], 5 * 3600 - 60)
        tracked = opportunity.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "opportunity_status_id"
        )
        self.assertTrue(tracked)

    def test_lost_keeps_odoo_message_and_time_in_status(self):
        """Lost through Odoo's wizard: Odoo's lost message is Odoo's own (active and
        lost reason, as crm's tests check), the Lost status is not tracked beside it,
        and the time spent in the status before still counts up to the loss."""
        opportunity = self.opportunity
        hours = timedelta(hours=1)
        now = fields.Datetime.now()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = %s WHERE id = %s",
            [now - 5 * hours, opportunity.id],
        )
        opportunity.invalidate_recordset(["create_date"])
        self.env.flush_all()
        self.env.cr.precommit.run()
        opportunity.opportunity_status_id = self.opp_sales  # tracked, now
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = opportunity.message_ids.tracking_value_ids.filtered(
            lambda v: v.field_id.name == "opportunity_status_id"
        )
        self.env.cr.execute(
            "UPDATE mail_tracking_value SET create_date = %s WHERE id IN %s",
            [now - 3 * hours, tuple(tracking.ids)],
        )  # left New 3 hours ago
        reason = self.env["crm.lost.reason"].create({"name": "Too expensive"})
        self.env["crm.lead.lost"].create(
            {"lead_ids": opportunity.ids, "lost_reason_id": reason.id}
        ).action_lost_reason_apply()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(opportunity.opportunity_status_id, self.opp_lost)
        lost_message = opportunity.message_ids[0]
        self.assertEqual(
            set(lost_message.tracking_value_ids.field_id.mapped("name")),
            {"active", "lost_reason_id"},
        )
        self.env.cr.execute(
            "UPDATE crm_lead SET opportunity_status_date = %s WHERE id = %s",
            [now - hours, opportunity.id],
        )  # lost an hour ago
        opportunity.invalidate_recordset(["opportunity_status_date"])
        opportunity.invalidate_recordset(["opportunity_status_duration"])
        durations = opportunity.opportunity_status_duration
        self.assertAlmostEqual(durations[str(self.opp_new.id)], 2 * 3600, delta=120)
        self.assertAlmostEqual(durations[str(self.opp_sales.id)], 2 * 3600, delta=120)
        self.assertAlmostEqual(durations[str(self.opp_lost.id)], 3600, delta=120)

    def test_delete_refused_while_mapped_or_used(self):
        with self.assertRaises(UserError):
            self.opp_won.unlink()
        self.opportunity.opportunity_status_id = self.opp_sales
        with self.assertRaises(UserError):
            self.opp_sales.unlink()


@tagged("post_install", "-at_install")
class TestProspectStatus(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the conversion into a company and a contact, switched on in Settings
        cls.env.ref("base.group_user").implied_ids |= cls.env.ref(
            "crm_leads_ext.group_crm_convert_company_contact"
        )
        ref = cls.env.ref
        cls.new = ref("crm_leads_ext.prospect_status_new")
        cls.sales = ref("crm_leads_ext.prospect_status_sales")
        cls.won = ref("crm_leads_ext.prospect_status_won")
        cls.lost = ref("crm_leads_ext.prospect_status_lost")
        cls.prospect = cls.env["res.partner"].create(
            {
                "name": "Bourgeois Industrie",
                "is_company": True,
                "crm_partner_type": "prospect",
            }
        )

    def test_prospect_gets_default_status(self):
        self.assertEqual(self.prospect.prospect_status_id, self.new)
        partner = self.env["res.partner"].create({"name": "Plain"})
        self.assertFalse(partner.prospect_status_id)
        partner.crm_partner_type = "prospect"
        self.assertEqual(partner.prospect_status_id, self.new)

    def test_won_prospect_becomes_customer(self):
        self.prospect.prospect_status_id = self.sales
        self.prospect.prospect_status_id = self.won
        self.assertEqual(self.prospect.crm_partner_type, "customer")
        self.assertEqual(self.prospect.prospect_status_id, self.won)

    def test_only_a_prospect_is_won_or_lost(self):
        customer = self.env["res.partner"].create(
            {"name": "Client", "crm_partner_type": "customer"}
        )
        for status in (self.won, self.lost):
            with self.assertRaises(UserError):
                customer.prospect_status_id = status
        self.prospect.prospect_status_id = self.lost
        self.assertEqual(self.prospect.crm_partner_type, "prospect")

    def test_conversion_makes_a_prospect(self):
        self.env.user.groups_id += self.env.ref(
            "crm_leads_ext.group_crm_prospect_status"
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Request",
                "type": "lead",
                "partner_name": "Acme Prospect",
                "contact_name": "Anne Prospect",
                "crm_score": "4",
            }
        )
        form = Form(
            self.env["crm.lead2opportunity.partner"].with_context(
                active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
            )
        )
        self.assertEqual(form.crm_prospect_status_id, self.new)
        form.crm_prospect_status_id = self.sales
        form.save().action_apply()
        company = lead.partner_id.commercial_partner_id
        self.assertEqual(company.name, "Acme Prospect")
        self.assertEqual(company.crm_partner_type, "prospect")
        self.assertEqual(company.prospect_status_id, self.sales)
        self.assertEqual(company.crm_score, "4")

    def test_conversion_keeps_a_customer(self):
        customer = self.env["res.partner"].create(
            {"name": "Old Client", "is_company": True, "crm_partner_type": "customer"}
        )
        lead = self.env["crm.lead"].create({"name": "Again", "type": "lead"})
        form = Form(
            self.env["crm.lead2opportunity.partner"].with_context(
                active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
            )
        )
        form.crm_company_action = "exist"
        form.crm_company_id = customer
        form.crm_contact_action = "none"
        form.save().action_apply()
        self.assertEqual(customer.crm_partner_type, "customer")

    def test_won_offers_to_close_the_prospects_other_opportunities(self):
        contact = self.env["res.partner"].create(
            {"name": "Buyer", "parent_id": self.prospect.id}
        )
        won, sibling = self.env["crm.lead"].create(
            [
                {"name": "First", "type": "opportunity", "partner_id": contact.id},
                {
                    "name": "Second",
                    "type": "opportunity",
                    "partner_id": self.prospect.id,
                },
            ]
        )
        action = won.action_set_won_rainbowman()
        self.assertEqual(action["res_model"], "crm.lead.close.siblings")
        wizard = (
            self.env["crm.lead.close.siblings"]
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.sibling_ids, sibling)
        wizard.action_close()
        self.assertFalse(sibling.active)
        self.assertEqual(sibling.opportunity_status_id.role, "lost")
        self.assertEqual(won.opportunity_status_id.role, "won")

    def test_won_by_the_stage_offers_the_same_choice(self):
        """A33: the status bar and a drag to a won column write the stage; the
        form and the kanban then ask for the offer, which the won opportunity
        also keeps as a button until nothing is left to close."""
        salesman = new_test_user(
            self.env,
            login="siblings_rep",
            groups="sales_team.group_sale_salesman",
        )
        Lead = self.env["crm.lead"].with_user(salesman)
        won, sibling = Lead.create(
            [
                {"name": name, "type": "opportunity", "partner_id": self.prospect.id}
                for name in ("By stage", "Other")
            ]
        )
        self.assertFalse(won.crm_close_siblings_offer())  # not won yet
        self.assertEqual(won.crm_open_sibling_count, 0)
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        with Form(won) as form:
            form.stage_id = won_stage
        won.invalidate_recordset(["crm_open_sibling_count"])
        self.assertEqual(won.crm_open_sibling_count, 1)
        action = won.crm_close_siblings_offer()
        self.assertEqual(action["res_model"], "crm.lead.close.siblings")
        self.assertEqual(action["context"]["default_sibling_ids"], sibling.ids)
        self.assertEqual(won.action_crm_close_siblings(), action)
        wizard = (
            self.env["crm.lead.close.siblings"]
            .with_user(salesman)
            .with_context(**action["context"])
            .create({})
        )
        wizard.action_close()
        self.assertFalse(sibling.active)
        won.invalidate_recordset(["crm_open_sibling_count"])
        self.assertEqual(won.crm_open_sibling_count, 0)
        self.assertFalse(won.crm_close_siblings_offer())
        with self.assertRaisesRegex(UserError, "no other open opportunity"):
            won.action_crm_close_siblings()

    def test_non_interactive_win_leaves_a_todo(self):
        """A33: a win nobody sees (an order confirmed, an automated action) leaves a
        to-do for the salesperson, in their language, pointing to the button."""
        self.env["res.lang"]._activate_lang("fr_FR")
        salesman = new_test_user(
            self.env,
            login="siblings_fr_rep",
            groups="sales_team.group_sale_salesman",
            lang="fr_FR",
        )
        won, _sibling = self.env["crm.lead"].create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": self.prospect.id,
                    "user_id": salesman.id,
                }
                for name in ("Won by order", "Still open")
            ]
        )
        alone = self.env["crm.lead"].create(
            {"name": "Alone", "type": "opportunity", "user_id": salesman.id}
        )
        (won | alone).action_set_won()
        (won | alone)._crm_offer_close_siblings_later()
        self.assertFalse(alone.activity_ids)
        activity = won.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, salesman)
        self.assertEqual(activity.summary, "Fermer les autres opportunités ?")
        self.assertIn("Fermer les autres opportunités", activity.note)

    def test_customers_are_not_asked(self):
        customer = self.env["res.partner"].create(
            {"name": "Client", "is_company": True, "crm_partner_type": "customer"}
        )
        won, _sibling = self.env["crm.lead"].create(
            [
                {"name": "A", "type": "opportunity", "partner_id": customer.id},
                {"name": "B", "type": "opportunity", "partner_id": customer.id},
            ]
        )
        action = won.action_set_won_rainbowman()
        self.assertNotEqual(
            isinstance(action, dict) and action.get("res_model"),
            "crm.lead.close.siblings",
        )

    def test_status_menu_needs_the_group(self):
        menu = self.env.ref("crm_leads_ext.crm_prospect_status_menu")
        self.assertEqual(
            menu.groups_id, self.env.ref("crm_leads_ext.group_crm_prospect_status")
        )


@tagged("post_install", "-at_install")
class TestMyOpportunitiesByStatus(TransactionCase):
    """*CRM → Sales → My opportunities by status* (Axelor), beside Odoo's *My
    Pipeline*: the salesperson's own open opportunities, grouped by status."""

    def test_menu_action(self):
        salesman = new_test_user(
            self.env,
            login="my_opps_salesman",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        Lead = self.env["crm.lead"]
        mine = Lead.create(
            {"name": "Mine", "type": "opportunity", "user_id": salesman.id}
        )
        proposal = Lead.create(
            {"name": "Mine too", "type": "opportunity", "user_id": salesman.id}
        )
        proposal.opportunity_status_id = self.env.ref(
            "crm_leads_ext.opportunity_status_proposal"
        )
        won = Lead.create(
            {"name": "Mine won", "type": "opportunity", "user_id": salesman.id}
        )
        won.action_set_won()
        Lead.create({"name": "Not mine", "type": "opportunity"})
        menu = self.env.ref("crm_leads_ext.crm_opportunity_menu_my_by_status")
        self.assertEqual(menu.parent_id, self.env.ref("crm.crm_menu_sales"))
        self.assertIn(menu, self.env["ir.ui.menu"].with_user(salesman).search([]))
        action = menu.action
        self.assertEqual(action.view_mode.split(",")[0], "kanban")
        eval_context = {"uid": salesman.id}
        domain = safe_eval(action.domain, eval_context)
        context = safe_eval(action.context, eval_context)
        Lead = Lead.with_user(salesman).with_context(**context)
        self.assertEqual(Lead.search(domain), mine | proposal)
        # grouped by status: the search view's default group-by, as the kanban
        view = Lead.get_view(action.search_view_id.id, "search")
        arch = etree.fromstring(view["arch"])
        [default] = [
            key.removeprefix("search_default_")
            for key, value in context.items()
            if key.startswith("search_default_") and value
        ]
        [groupby] = arch.xpath(f"//filter[@name='{default}']")
        group_by = safe_eval(groupby.get("context"))["group_by"]
        self.assertEqual(group_by, "opportunity_status_id")
        groups = Lead.read_group(domain, ["id:count"], [group_by])
        counts = {g[group_by][0]: g[f"{group_by}_count"] for g in groups}
        new = self.env.ref("crm_leads_ext.opportunity_status_new")
        self.assertEqual(counts[new.id], 1)
        self.assertEqual(counts[proposal.opportunity_status_id.id], 1)
        # a new card from this kanban is the user's opportunity
        created = Lead.create({"name": "New card"})
        self.assertEqual(created.type, "opportunity")
        self.assertEqual(created.user_id, salesman)
