# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestQualification(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.country = cls.env.ref("base.fr")
        # the conversion into a company and a contact, switched on in Settings
        cls.env.ref("base.group_user").implied_ids |= cls.env.ref(
            "crm_leads_ext.group_crm_convert_company_contact"
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Qualified",
                "type": "lead",
                "partner_name": "Qualif Co",
                "email_from": "Buyer <buyer@qualif.example.com>",
                "phone": "+33 6 12 34 56 78",
                "country_id": cls.country.id,
            }
        )

    def test_do_not_email_is_the_email_blacklist(self):
        self.assertFalse(self.lead.crm_do_not_email)
        self.lead.crm_do_not_email = True
        entry = self.env["mail.blacklist"].search(
            [("email", "=", "buyer@qualif.example.com")]
        )
        self.assertTrue(entry.active)
        self.assertTrue(self.lead.is_blacklisted)
        # the same address elsewhere is blacklisted too: one blacklist
        partner = self.env["res.partner"].create(
            {"name": "Same", "email": "BUYER@qualif.example.com"}
        )
        self.assertTrue(partner.crm_do_not_email)
        found = self.env["crm.lead"].search(
            [("crm_do_not_email", "=", True), ("id", "=", self.lead.id)]
        )
        self.assertEqual(found, self.lead)
        self.lead.crm_do_not_email = False
        self.assertFalse(entry.active)

    def test_national_number_saved_without_country(self):
        """A lead typed in the form by a salesperson with a national number and no
        country saves, as in Odoo; the unticked box leaves the blacklist alone."""
        salesman = new_test_user(
            self.env,
            login="qualif_salesman",
            groups="sales_team.group_sale_salesman,crm.group_use_lead",
        )
        self.env.company.country_id = False
        self.env.user.country_id = False
        rows = self.env["phone.blacklist"].with_context(active_test=False)
        before = rows.search_count([])
        form = Form(self.env["crm.lead"].with_user(salesman))
        form.name = "Typed by hand"
        form.phone = "04 72 00 00 00"
        lead = form.save()
        lead.with_user(salesman).write({"name": "Renamed", "crm_do_not_call": False})
        self.assertEqual(lead.phone, "04 72 00 00 00")
        self.assertFalse(lead.crm_do_not_call)
        self.assertEqual(rows.search_count([]), before)

    def test_do_not_call_is_the_phone_blacklist(self):
        self.lead.crm_do_not_call = True
        self.assertTrue(
            self.env["phone.blacklist"].search([("number", "=", "+33612345678")])
        )
        self.lead.invalidate_recordset()
        self.assertTrue(self.lead.crm_do_not_call)
        self.assertTrue(self.lead.phone_sanitized_blacklisted)
        found = self.env["crm.lead"].search(
            [("crm_do_not_call", "=", True), ("id", "=", self.lead.id)]
        )
        self.assertEqual(found, self.lead)
        self.lead.crm_do_not_call = False
        self.lead.invalidate_recordset()
        self.assertFalse(self.lead.crm_do_not_call)

    def test_do_not_call_search_whatever_the_format(self):
        """The filter finds what the checkbox shows: national or spaced numbers,
        phone or mobile, leads and contacts; and "not blacklisted" keeps the
        records without a number."""
        Lead = self.env["crm.lead"]
        national = Lead.create(
            {
                "name": "National",
                "type": "lead",
                "mobile": "06 11 22 33 44",
                "country_id": self.country.id,
            }
        )
        no_number = Lead.create({"name": "No number", "type": "lead"})
        partner = self.env["res.partner"].create(
            {"name": "Spaced", "phone": "+33 6 11 22 33 44"}
        )
        self.env["phone.blacklist"].sudo()._add(["+33611223344"])
        self.assertEqual(national.crm_mobile_sanitized, "+33611223344")
        self.assertTrue(national.crm_do_not_call)
        self.assertTrue(partner.crm_do_not_call)
        scope = [("id", "in", (national | no_number | self.lead).ids)]
        blacklisted = Lead.search([("crm_do_not_call", "=", True), *scope])
        self.assertEqual(blacklisted, national)
        self.assertEqual(
            Lead.search([("crm_do_not_call", "=", False), *scope]),
            no_number | self.lead,
        )
        self.assertEqual(
            Lead.search([("crm_do_not_call", "!=", True), *scope]),
            no_number | self.lead,
        )
        self.assertEqual(
            self.env["res.partner"].search(
                [("crm_do_not_call", "=", True), ("id", "=", partner.id)]
            ),
            partner,
        )
        # a number changed: the stored number follows
        national.mobile = "+33 6 99 88 77 66"
        self.assertFalse(national.crm_do_not_call)
        self.assertFalse(Lead.search([("crm_do_not_call", "=", True), *scope]))
        with self.assertRaises(UserError):
            Lead.search([("crm_do_not_call", "in", [True])])

    def test_nothing_to_blacklist(self):
        lead = self.env["crm.lead"].create({"name": "Empty", "type": "lead"})
        with self.assertRaises(UserError):
            lead.crm_do_not_email = True
        with self.assertRaises(UserError):
            lead.crm_do_not_call = True

    def test_quick_create_from_the_form(self):
        with Form(self.lead) as form:
            form.crm_department_id = self.env["crm.lead.department"].create(
                {"name": "Logistique"}
            )
            form.crm_job_function_id = self.env.ref("crm_leads_ext.job_function_buyer")
        self.assertEqual(self.lead.crm_department_id.name, "Logistique")

    def test_salesman_creates_a_sector_from_the_lead(self):
        """The sector's quick create ("Create …" in the lead's dropdown: name_create)
        works for a salesperson; Odoo reserves sectors to system administrators."""
        salesman = new_test_user(
            self.env,
            login="qualif_sector_salesman",
            groups="sales_team.group_sale_salesman,crm.group_use_lead",
        )
        self.lead.user_id = salesman
        Industry = self.env["res.partner.industry"].with_user(salesman)
        industry_id, __ = Industry.name_create("Robotique")
        with Form(self.lead.with_user(salesman)) as form:
            form.industry_id = Industry.browse(industry_id)
        self.assertEqual(self.lead.industry_id.name, "Robotique")
        # renaming is allowed (the dropdown's edit), deleting stays an admin's
        Industry.browse(industry_id).name = "Robotique industrielle"
        with self.assertRaises(AccessError):
            Industry.browse(industry_id).unlink()

    def test_conversion_carries_qualification(self):
        industry = self.env["res.partner.industry"].create({"name": "Bakery"})
        tag = self.env["res.partner.category"].create({"name": "VIP"})
        self.lead.write(
            {
                "industry_id": industry.id,
                "crm_company_size": "small",
                "crm_key_account": True,
                "crm_temperature_id": self.env.ref("crm_leads_ext.temperature_hot").id,
                "crm_contact_type_id": self.env.ref(
                    "crm_leads_ext.contact_type_client"
                ).id,
                "crm_category_ids": [(6, 0, tag.ids)],
            }
        )
        form = Form(
            self.env["crm.lead2opportunity.partner"].with_context(
                active_model="crm.lead",
                active_id=self.lead.id,
                active_ids=self.lead.ids,
            )
        )
        # no contact name: Odoo links no customer by default; create the company
        self.assertEqual(form.crm_company_action, "none")
        form.crm_company_action = "create"
        form.save().action_apply()
        company = self.lead.partner_id.commercial_partner_id
        self.assertEqual(company.name, "Qualif Co")
        self.assertEqual(company.industry_id, industry)
        self.assertEqual(company.crm_company_size, "small")
        self.assertTrue(company.crm_key_account)
        self.assertEqual(company.crm_temperature_id.name, "Hot")
        self.assertIn(tag, company.category_id)


@tagged("post_install", "-at_install")
class TestQualificationCompanies(TransactionCase):
    """The five configuration lists are per company or shared (empty company)."""

    MODELS = (
        "crm.catalogue.type",
        "crm.lead.department",
        "crm.job.function",
        "crm.contact.type",
        "crm.temperature",
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Qualification B"})
        cls.manager = new_test_user(
            cls.env,
            login="qualif_manager",
            groups="sales_team.group_sale_manager,base.group_multi_company",
            company_ids=[(6, 0, (cls.company_a | cls.company_b).ids)],
        )
        cls.rep_b = new_test_user(
            cls.env,
            login="qualif_rep_b",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )

    def test_per_company_or_shared(self):
        for model in self.MODELS:
            with self.subTest(model=model):
                Model = (
                    self.env[model]
                    .with_user(self.manager)
                    .with_context(
                        allowed_company_ids=(self.company_a | self.company_b).ids
                    )
                )
                own_a, own_b, shared = Model.create(
                    [
                        {"name": "Only A", "company_id": self.company_a.id},
                        {"name": "Only A", "company_id": self.company_b.id},
                        {"name": "Shared"},
                    ]
                )
                seen_b = self.env[model].with_user(self.rep_b).search([])
                self.assertIn(shared, seen_b)
                self.assertIn(own_b, seen_b)
                self.assertNotIn(own_a, seen_b)
                self.assertLessEqual(own_a | own_b | shared, Model.search([]))
                only_a = Model.with_context(allowed_company_ids=self.company_a.ids)
                self.assertNotIn(own_b, only_a.search([]))
                arch = Model.get_views([(False, "list")])["views"]["list"]["arch"]
                self.assertIn('name="company_id"', arch)


@tagged("post_install", "-at_install")
class TestQualificationSearch(TransactionCase):
    """The leads' search view (the one of *CRM → Leads*) as a salesperson sees it:
    its filters and group-bys are applied as the web client does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env,
            login="qualif_search_salesman",
            groups="sales_team.group_sale_salesman_all_leads,crm.group_use_lead",
        )
        Lead = cls.env["crm.lead"]
        cls.small = Lead.create(
            {"name": "Small one", "type": "lead", "crm_company_size": "small"}
        )
        cls.large = Lead.create(
            {
                "name": "Large one",
                "type": "lead",
                "crm_company_size": "large",
                "crm_nurturing": True,
            }
        )

    def _arch(self):
        Lead = self.env["crm.lead"].with_user(self.salesman)
        action = self.env.ref("crm.crm_lead_all_leads")
        view = Lead.get_view(action.search_view_id.id, "search")
        return Lead, etree.fromstring(view["arch"])

    def test_company_size_group_by_and_search(self):
        Lead, arch = self._arch()
        [groupby] = arch.xpath("//filter[@name='groupby_company_size']")
        context = safe_eval(groupby.get("context"))
        groups = Lead.read_group(
            [("id", "in", (self.small | self.large).ids)],
            ["id:count"],
            [context["group_by"]],
        )
        self.assertEqual(
            {g["crm_company_size"]: g["crm_company_size_count"] for g in groups},
            {"small": 1, "large": 1},
        )
        # the search field: the web client offers the selection's values
        [field] = arch.xpath("//field[@name='crm_company_size']")
        fname = field.get("name")
        found = Lead.search([(fname, "=", "small"), ("id", "in", self.small.ids)])
        self.assertEqual(found, self.small)

    def test_nurturing_filter(self):
        Lead, arch = self._arch()
        [nurturing] = arch.xpath("//filter[@name='nurturing']")
        domain = safe_eval(nurturing.get("domain"))
        found = Lead.search(domain + [("id", "in", (self.small | self.large).ids)])
        self.assertEqual(found, self.large)
