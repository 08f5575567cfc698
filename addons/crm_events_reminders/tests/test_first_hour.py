# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The first hour of a French salesperson, in the browser (issue 19): the screens are
in French, with no English of the module, and are the readme's pictures."""

from lxml import etree

from odoo.tests import HttpCase, tagged

from .tour_screens import FrenchTourMixin, png_size


@tagged("post_install", "-at_install")
class TestFirstHour(FrenchTourMixin, HttpCase):
    def test_events_tab_wording(self):
        """The Events tab of leads and contacts lists tasks and calls too: its
        columns read "Sujet" and "Début", not Odoo's meeting wording ("Sujet de la
        réunion", "Lancer")."""
        for model, field in (
            ("crm.lead", "calendar_event_ids"),
            ("res.partner", "crm_event_ids"),
        ):
            views = (
                self.env[model].with_context(lang="fr_FR").get_views([(False, "form")])
            )
            arch = etree.fromstring(views["views"]["form"]["arch"])
            columns = arch.xpath(f"//field[@name='{field}']/list/field")
            strings = {col.get("name"): col.get("string") for col in columns}
            self.assertEqual(strings["name"], "Sujet", model)
            self.assertEqual(strings["start"], "Début", model)

    def test_task_and_call_from_company_customer(self):
        """From an opportunity of a company: a task and a call, each with a
        reminder, saved by a salesperson."""
        rep = self.french_user(
            "fr_rep", "sales_team.group_sale_salesman", name="Marc Commercial"
        )
        customer = self.env["res.partner"].create(
            {"name": "Boulangerie Lyonnaise", "is_company": True}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Vitrines réfrigérées",
                "type": "opportunity",
                "partner_id": customer.id,
                "user_id": rep.id,
            }
        )
        screens = self.start_french_tour(
            f"/odoo/crm.lead/{lead.id}",
            "crm_events_reminders_first_hour_tour",
            login=rep.login,
        )
        events = self.env["calendar.event"].search(
            [("opportunity_id", "=", lead.id)], order="id"
        )
        self.assertRecordValues(
            events,
            [
                {
                    "name": "Préparer le devis",
                    "crm_event_kind": "task",
                    "crm_partner_id": customer.id,
                    "user_id": rep.id,
                },
                {
                    "name": "Appeler le gérant",
                    "crm_event_kind": "call",
                    "crm_partner_id": customer.id,
                    "user_id": rep.id,
                },
            ],
        )
        self.assertIn(30, events[0].crm_reminder_ids.mapped("duration"))
        self.assertIn(15, events[1].crm_reminder_ids.mapped("duration"))
        self.assertEqual(
            sorted(screens.shots),
            [
                "first_hour_call",
                "first_hour_call_reminder",
                "first_hour_events",
                "first_hour_task",
                "first_hour_task_reminder",
            ],
        )
        for name, data in screens.shots.items():
            width, height = png_size(data) or (0, 0)
            self.assertGreater(width, 100, name)
            self.assertGreater(height, 100, name)
