# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestSettings(TransactionCase):
    def test_late_reminder_policy(self):
        """Late reminders are sent by default; the choice is a system parameter."""
        params = self.env["ir.config_parameter"].sudo()
        params.set_param("crm_events_reminders.late_reminder_policy", False)
        self.assertEqual(
            self.env["res.config.settings"].create({}).crm_event_late_reminder_policy,
            "send",
        )
        self.env["res.config.settings"].create(
            {"crm_event_late_reminder_policy": "skip"}
        ).execute()
        self.assertEqual(
            params.get_param("crm_events_reminders.late_reminder_policy"), "skip"
        )
        self.assertEqual(
            self.env["res.config.settings"].create({}).crm_event_late_reminder_policy,
            "skip",
        )
