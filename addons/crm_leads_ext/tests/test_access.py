# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRestrictedAccess(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "sales_team.group_sale_salesman_all_leads,crm.group_use_lead"
        cls.owner = new_test_user(cls.env, login="access_owner", groups=groups)
        cls.allowed = new_test_user(cls.env, login="access_allowed", groups=groups)
        cls.outsider = new_test_user(cls.env, login="access_outsider", groups=groups)
        cls.secret_partner = cls.env["res.partner"].create(
            {
                "name": "Secret Client",
                "email": "boss@secret-client.example.org",
                "crm_access": "private",
                "crm_allowed_user_ids": [(6, 0, cls.allowed.ids)],
            }
        )
        cls.secret_lead = cls.env["crm.lead"].create(
            {
                "name": "Secret deal",
                "type": "opportunity",
                "user_id": cls.owner.id,
                "partner_name": "Secret Client",
                "email_from": "boss@secret-client.example.org",
                "crm_access": "private",
                "crm_allowed_user_ids": [(6, 0, cls.allowed.ids)],
            }
        )

    def test_private_records_are_hidden_from_outsiders(self):
        Lead = self.env["crm.lead"].with_user(self.outsider)
        Partner = self.env["res.partner"].with_user(self.outsider)
        self.assertFalse(Lead.search([("id", "=", self.secret_lead.id)]))
        self.assertFalse(Partner.search([("id", "=", self.secret_partner.id)]))
        with self.assertRaises(AccessError):
            self.secret_lead.with_user(self.outsider).read(["name"])
        with self.assertRaises(AccessError):
            self.secret_partner.with_user(self.outsider).read(["name"])
        for user in (self.owner, self.allowed):
            self.assertEqual(
                self.env["crm.lead"]
                .with_user(user)
                .search([("id", "=", self.secret_lead.id)]),
                self.secret_lead,
            )
        self.secret_lead.with_user(self.allowed).name = "Secret deal (seen)"
        self.assertTrue(self.allowed.partner_id in self.secret_lead.message_partner_ids)

    def test_nothing_leaks_through_duplicates_conversion_or_matching(self):
        mine = self.env["crm.lead"].create(
            {
                "name": "My request",
                "type": "lead",
                "user_id": self.outsider.id,
                "partner_name": "Secret Client",
                "email_from": "boss@secret-client.example.org",
            }
        )
        Lead = self.env["crm.lead"].with_user(self.outsider)
        for keys in (["email"], ["company"]):
            groups = Lead._crm_duplicate_groups(keys)
            for _values, records in groups:
                self.assertNotIn(self.secret_lead, records)
        lead = mine.with_user(self.outsider)
        self.assertNotIn(self.secret_lead, lead.duplicate_lead_ids)
        self.assertNotIn(self.secret_partner, lead._find_matching_partner())
        wizard = Form(
            self.env["crm.lead2opportunity.partner"]
            .with_user(self.outsider)
            .with_context(
                active_model="crm.lead", active_id=mine.id, active_ids=mine.ids
            )
        )
        self.assertNotIn(self.secret_lead, wizard.duplicated_lead_ids)
        partners = (
            self.env["crm.duplicate.check"]
            .with_user(self.outsider)
            .create({"res_model": "res.partner", "compare_name": True})
        )
        partners.action_check()
        self.assertNotIn(self.secret_partner, partners.group_ids.partner_ids)

    def test_public_read(self):
        self.secret_lead.crm_access = "public_read"
        lead = self.secret_lead.with_user(self.outsider)
        self.assertEqual(lead.name, "Secret deal")
        with self.assertRaises(AccessError):
            lead.name = "Changed"
        self.secret_lead.with_user(self.allowed).name = "Changed by allowed"
        self.secret_lead.crm_access = "public_write"
        lead.name = "Changed by anyone"
        self.assertEqual(self.secret_lead.name, "Changed by anyone")

    def test_salesperson_creates_restricted_records(self):
        """A salesperson creates a private contact and a read-only opportunity
        from the forms: they stay allowed and follow them, with the allowed users
        (the author was subscribed twice: a duplicate follower, nothing saved)."""
        for model, access in (("res.partner", "private"), ("crm.lead", "public_read")):
            with self.subTest(model=model):
                with Form(self.env[model].with_user(self.outsider)) as form:
                    form.name = f"Created {access}"
                    form.crm_access = access
                    form.crm_allowed_user_ids.add(self.allowed)
                record = form.record
                self.assertEqual(
                    record.crm_allowed_user_ids, self.outsider | self.allowed
                )
                self.assertLessEqual(
                    (self.outsider | self.allowed).partner_id,
                    record.message_partner_ids,
                )
                self.assertEqual(record.with_user(self.allowed).name, record.name)

    def test_whoever_restricts_stays_allowed(self):
        lead = (
            self.env["crm.lead"]
            .with_user(self.outsider)
            .create({"name": "Mine only", "type": "opportunity", "user_id": False})
        )
        lead.crm_access = "private"
        self.assertIn(self.outsider, lead.crm_allowed_user_ids)
        self.assertEqual(lead.name, "Mine only")


@tagged("post_install", "-at_install")
class TestRestrictedAccessPerGroup(TransactionCase):
    """Who sees a private record and who changes a read-only one, group by group:
    Sales Administrators see and moderate everything, salespeople keep Odoo's own
    rules (own documents) narrowed by the restriction, other users too."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = new_test_user(
            cls.env, login="group_owner", groups="sales_team.group_sale_salesman"
        )
        cls.own_docs = new_test_user(
            cls.env, login="group_own_docs", groups="sales_team.group_sale_salesman"
        )
        cls.all_docs = new_test_user(
            cls.env,
            login="group_all_docs",
            groups="sales_team.group_sale_salesman_all_leads",
        )
        cls.admin = new_test_user(
            cls.env, login="group_sales_admin", groups="sales_team.group_sale_manager"
        )
        cls.employee = new_test_user(
            cls.env, login="group_employee", groups="base.group_user"
        )
        cls.private_lead, cls.read_only_lead, cls.open_lead = cls.env[
            "crm.lead"
        ].create(
            [
                {
                    "name": f"{access} deal",
                    "type": "opportunity",
                    "user_id": cls.owner.id,
                    "crm_access": access,
                }
                for access in ("private", "public_read", "public_write")
            ]
        )
        cls.private_partner, cls.read_only_partner = cls.env["res.partner"].create(
            [
                {"name": "Private contact", "crm_access": "private"},
                {"name": "Read-only contact", "crm_access": "public_read"},
            ]
        )

    def _sees(self, user, records):
        return records.with_user(user).search([("id", "in", records.ids)])

    def _can_write(self, user, record):
        return record.with_user(user).has_access("write")

    def test_leads_per_group(self):
        leads = self.private_lead | self.read_only_lead | self.open_lead
        self.assertEqual(self._sees(self.admin, leads), leads)
        self.assertEqual(self._sees(self.owner, leads), leads)
        self.assertEqual(
            self._sees(self.all_docs, leads), self.read_only_lead | self.open_lead
        )
        # Odoo's "Personal Leads" rule still applies: a colleague's leads are hidden
        self.assertFalse(self._sees(self.own_docs, leads))
        self.assertTrue(self._can_write(self.admin, self.read_only_lead))
        self.assertTrue(self._can_write(self.admin, self.private_lead))
        self.assertFalse(self._can_write(self.all_docs, self.read_only_lead))
        self.assertTrue(self._can_write(self.all_docs, self.open_lead))
        self.private_lead.with_user(self.admin).write({"name": "Moderated"})
        self.assertEqual(self.private_lead.name, "Moderated")

    def test_contacts_per_group(self):
        partners = self.private_partner | self.read_only_partner
        self.assertEqual(self._sees(self.admin, partners), partners)
        for user in (self.own_docs, self.all_docs, self.employee):
            with self.subTest(user=user.login):
                self.assertEqual(self._sees(user, partners), self.read_only_partner)
                with self.assertRaises(AccessError):
                    self.private_partner.with_user(user).read(["name"])
        self.assertTrue(self._can_write(self.admin, self.read_only_partner))
        self.assertFalse(self._can_write(self.all_docs, self.read_only_partner))

    def test_promotion_takes_effect(self):
        """Rule domains are cached per user: a new Sales Administrator sees at once."""
        self.assertFalse(self._sees(self.all_docs, self.private_lead))
        self.all_docs.groups_id |= self.env.ref("sales_team.group_sale_manager")
        self.assertEqual(
            self._sees(self.all_docs, self.private_lead), self.private_lead
        )
