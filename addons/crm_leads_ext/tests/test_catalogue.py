# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools import file_open

with file_open("crm_leads_ext/demo/catalogue_2026.pdf", "rb") as pdf:
    PDF = base64.b64encode(pdf.read())


@tagged("post_install", "-at_install")
class TestCatalogue(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.catalogue = cls.env["crm.catalogue"].create(
            {"name": "Spring", "pdf_file": PDF, "pdf_filename": "spring.pdf"}
        )
        cls.anne, cls.bob = cls.env["res.partner"].create(
            [
                {"name": "Anne Catalogue", "email": "anne@catalogue.example.com"},
                {"name": "Bob Catalogue", "email": "bob@catalogue.example.com"},
            ]
        )
        cls.env["mail.blacklist"]._add("bob@catalogue.example.com")

    def test_pdf_checked_by_content(self):
        fake = base64.b64encode(b"GIF89a not a pdf").decode()
        with self.assertRaises(ValidationError):
            self.env["crm.catalogue"].create(
                {"name": "Fake", "pdf_file": fake, "pdf_filename": "fake.pdf"}
            )
        with self.assertRaises(ValidationError):
            self.catalogue.pdf_file = fake

    def test_size_limit(self):
        self.env["ir.config_parameter"].set_param(
            "crm_leads_ext.catalogue_max_size_mb", "1"
        )
        big = base64.b64encode(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)).decode()
        with self.assertRaises(ValidationError) as error:
            self.catalogue.pdf_file = big
        self.assertIn("1 MB", str(error.exception))

    def test_send_skips_blacklisted_and_logs(self):
        wizard = Form(
            self.env["crm.catalogue.send"].with_context(
                default_catalogue_ids=self.catalogue.ids
            )
        )
        self.assertEqual(
            wizard.template_id, self.env.ref("crm_leads_ext.mail_template_catalogue")
        )
        wizard.partner_ids.add(self.anne)
        wizard.partner_ids.add(self.bob)
        wizard = wizard.save()
        self.assertEqual(wizard.skipped_partner_ids, self.bob)
        result = wizard.action_send()
        self.assertIn("Bob Catalogue", result["params"]["message"])
        sent = self.anne.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.attachment_ids.name, "spring.pdf")
        self.assertIn("Anne Catalogue", sent.body)
        self.assertEqual(sent.notification_ids.res_partner_id, self.anne)
        self.assertEqual(sent.notification_ids.notification_type, "email")
        self.assertFalse(
            self.bob.message_ids.filtered(lambda m: m.message_type == "comment")
        )

    def test_send_needs_a_reachable_recipient(self):
        Send = self.env["crm.catalogue.send"]
        with self.assertRaises(UserError):
            Send.create({"catalogue_ids": self.catalogue.ids}).action_send()
        with self.assertRaises(UserError):
            Send.create(
                {"catalogue_ids": self.catalogue.ids, "partner_ids": self.bob.ids}
            ).action_send()

    def test_show_pdf(self):
        action = self.catalogue.action_show_pdf()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn("/pdf_file/spring.pdf?download=false", action["url"])

    def test_shared_or_kept_to_a_company(self):
        company_b = self.env["res.company"].create({"name": "Catalogue Co B"})
        only_b = self.env["crm.catalogue"].create(
            {"name": "Only B", "pdf_file": PDF, "company_id": company_b.id}
        )
        user_a = new_test_user(
            self.env,
            login="catalogue_user_a",
            groups="sales_team.group_sale_salesman",
            company_id=self.env.company.id,
            company_ids=[(6, 0, self.env.company.ids)],
        )
        visible = self.env["crm.catalogue"].with_user(user_a).search([])
        self.assertIn(self.catalogue, visible)
        self.assertNotIn(only_b, visible)


@tagged("post_install", "-at_install")
class TestCatalogueSendAsSalesperson(TransactionCase):
    """*Send by email* as a salesperson, who may only read catalogues."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Catalogue Send B"})
        cls.rep = new_test_user(
            cls.env,
            login="catalogue_rep",
            groups="sales_team.group_sale_salesman,base.group_partner_manager",
        )
        cls.other_rep = new_test_user(
            cls.env,
            login="catalogue_other_rep",
            groups="sales_team.group_sale_salesman",
        )
        cls.catalogue = cls.env["crm.catalogue"].create(
            {"name": "Spring", "pdf_file": PDF, "pdf_filename": "spring.pdf"}
        )
        cls.catalogue_b = cls.env["crm.catalogue"].create(
            {"name": "Only B", "pdf_file": PDF, "company_id": cls.company_b.id}
        )
        cls.anne, cls.carl = cls.env["res.partner"].create(
            [
                {"name": "Anne Rep", "email": "anne@rep.example.com"},
                {
                    "name": "Carl Read Only",
                    "email": "carl@rep.example.com",
                    "crm_access": "public_read",
                    "user_id": cls.other_rep.id,
                    "crm_allowed_user_ids": [(6, 0, cls.other_rep.ids)],
                },
            ]
        )
        cls.Send = cls.env["crm.catalogue.send"].with_user(cls.rep)

    def _comments(self, partner):
        return partner.message_ids.filtered(lambda m: m.message_type == "comment")

    def test_salesperson_sends_and_logs_on_catalogue(self):
        catalogue = self.catalogue.with_user(self.rep)
        action = catalogue.action_send_by_email()
        wizard = Form(self.Send.with_context(**action["context"]))
        wizard.partner_ids.add(self.anne)
        result = wizard.save().action_send()
        self.assertEqual(result["params"]["type"], "success")
        sent = self._comments(self.anne)
        self.assertEqual(sent.attachment_ids.name, "spring.pdf")
        self.assertEqual(sent.author_id, self.rep.partner_id)
        log = self.catalogue.message_ids[0]
        self.assertIn("Sent to Anne Rep", log.body)
        self.assertEqual(log.author_id, self.rep.partner_id)

    def test_read_only_contact_skipped_with_reason(self):
        self.assertTrue(self.carl.with_user(self.rep).has_access("read"))
        wizard = Form(self.Send.with_context(default_catalogue_ids=self.catalogue.ids))
        wizard.partner_ids.add(self.anne)
        wizard.partner_ids.add(self.carl)
        self.assertIn("Carl Read Only", wizard.skipped_reasons)
        result = wizard.save().action_send()
        self.assertIn("Carl Read Only (you may read", result["params"]["message"])
        self.assertEqual(len(self._comments(self.anne)), 1)
        self.assertFalse(self._comments(self.carl))
        # only read-only contacts: nothing sent, said why
        with self.assertRaisesRegex(UserError, "Carl Read Only"):
            self.Send.create(
                {"catalogue_ids": self.catalogue.ids, "partner_ids": self.carl.ids}
            ).action_send()

    def test_other_company_catalogue_refused(self):
        wizard = self.Send.create(
            {
                "catalogue_ids": (self.catalogue | self.catalogue_b).ids,
                "partner_ids": self.anne.ids,
            }
        )
        with self.assertRaisesRegex(UserError, "Only B"):
            wizard.action_send()
        self.assertFalse(self._comments(self.anne))
        self.assertFalse(
            self.catalogue_b.message_ids.filtered(lambda m: "Sent to" in m.body)
        )

    def test_empty_selection_refused(self):
        wizard = self.Send.create({"partner_ids": self.anne.ids})
        with self.assertRaisesRegex(UserError, "at least one catalogue"):
            wizard.action_send()
        wizard = self.Send.create({"catalogue_ids": self.catalogue.ids})
        with self.assertRaisesRegex(UserError, "at least one contact"):
            wizard.action_send()
        self.assertFalse(self._comments(self.anne))
