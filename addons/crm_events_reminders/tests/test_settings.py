# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time

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

    def test_batch_size_and_progress(self):
        """The cron sends in batches of the configured size and reports progress."""
        self.env["res.config.settings"].create(
            {"crm_event_reminder_batch_size": 2}
        ).execute()
        with freeze_time("2026-03-01 08:00:00"):
            events = (
                self.env["calendar.event"]
                .with_context(crm_events_no_default_reminder=True)
                .create(
                    [
                        {
                            "name": f"Batch {i}",
                            "start": datetime(2026, 3, 10, 9, i),
                            "stop": datetime(2026, 3, 10, 10, i),
                            "crm_reminder_ids": [(0, 0, {"duration": 1})],
                        }
                        for i in range(5)
                    ]
                )
            )
        progress = []

        def notify(cron, *, done, remaining, deactivate=False):
            progress.append((done, remaining))

        cron_class = type(self.env["ir.cron"])
        with (
            freeze_time("2026-03-10 09:30:00"),
            patch.object(cron_class, "_notify_progress", notify),
        ):
            self.assertEqual(self.env["crm.event.reminder"]._cron_send_reminders(), 5)
        self.assertEqual(progress, [(2, 3), (4, 1), (5, 0)])
        self.assertEqual(set(events.crm_reminder_ids.mapped("state")), {"sent"})
