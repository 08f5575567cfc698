# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import TransactionCase, new_test_user


class EventsCommon(TransactionCase):
    """Two companies, sales users, a customer with a contact, and a lead."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Events Company B"})
        cls.rep = new_test_user(
            cls.env,
            login="events_rep",
            name="Rep Events",
            email="rep@example.com",
            groups="sales_team.group_sale_salesman",
            lang="en_US",
            tz="Europe/Paris",
        )
        cls.manager = new_test_user(
            cls.env,
            login="events_manager",
            name="Events Manager",
            email="manager@example.com",
            groups="sales_team.group_sale_manager",
            company_ids=[(6, 0, [cls.company_a.id, cls.company_b.id])],
        )
        cls.rep_b = new_test_user(
            cls.env,
            login="events_rep_b",
            name="Rep B",
            email="repb@example.com",
            groups="sales_team.group_sale_salesman",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, [cls.company_b.id])],
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Azur Interieur", "is_company": True, "email": "azur@example.com"}
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Brandon Freeman",
                "parent_id": cls.customer.id,
                "email": "brandon@example.com",
            }
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Office chairs",
                "type": "lead",
                "partner_id": cls.contact.id,
                "user_id": cls.rep.id,
            }
        )
        cls.Event = cls.env["calendar.event"].with_context(
            crm_events_no_default_reminder=True
        )
        cls.Reminder = cls.env["crm.event.reminder"]
        cls.cron = cls.env.ref("crm_events_reminders.ir_cron_event_reminders")

    @classmethod
    def _event(cls, **values):
        vals = {
            "name": "Meeting",
            "start": datetime(2026, 3, 10, 9, 0),
            "stop": datetime(2026, 3, 10, 10, 0),
            "user_id": cls.rep.id,
            "crm_partner_id": cls.customer.id,
            "crm_contact_id": cls.contact.id,
        }
        vals.update(values)
        return cls.Event.create(vals)
