# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import threading
from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import EventsCommon

START = datetime(2026, 3, 10, 9, 0)


@tagged("post_install", "-at_install")
class TestReminderRules(EventsCommon):
    def _mails(self, logs):
        return self.env["mail.mail"].search(
            [("model", "=", "crm.event.reminder.log"), ("res_id", "in", logs.ids)]
        )

    @freeze_time("2026-03-01 08:00:00")
    def test_reminder_times(self):
        event = self._event(
            crm_reminder_ids=[
                (0, 0, {"duration": 30, "duration_unit": "minutes"}),
                (0, 0, {"duration": 2, "duration_unit": "hours"}),
                (0, 0, {"duration": 1, "duration_unit": "days"}),
                (0, 0, {"duration": 1, "duration_unit": "weeks"}),
                (0, 0, {"mode": "at_date", "remind_at": "2026-03-05 07:30:00"}),
            ]
        )
        self.assertEqual(
            sorted(event.crm_reminder_ids.mapped("reminder_time")),
            [
                START - timedelta(weeks=1),
                datetime(2026, 3, 5, 7, 30),
                START - timedelta(days=1),
                START - timedelta(hours=2),
                START - timedelta(minutes=30),
            ],
        )
        # Moving the event moves the "before start" reminders only.
        event.write(
            {
                "start": START + timedelta(days=1),
                "stop": START + timedelta(days=1, hours=1),
            }
        )
        self.assertIn(
            START + timedelta(days=1, minutes=-30),
            event.crm_reminder_ids.mapped("reminder_time"),
        )
        self.assertIn(
            datetime(2026, 3, 5, 7, 30), event.crm_reminder_ids.mapped("reminder_time")
        )

    @freeze_time("2026-03-01 08:00:00")
    def test_bad_reminders(self):
        event = self._event()
        with self.assertRaisesRegex(ValidationError, "after the end"):
            self.Reminder.create(
                {
                    "event_id": event.id,
                    "mode": "at_date",
                    "remind_at": "2026-03-10 11:00:00",
                }
            )
        with self.assertRaisesRegex(ValidationError, "negative"):
            self.Reminder.create({"event_id": event.id, "duration": -5})
        with self.assertRaises(ValidationError):
            self.Reminder.create({"event_id": event.id, "mode": "at_date"})

    def test_sent_exactly_once_with_log(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                partner_ids=[(6, 0, [self.rep.partner_id.id, self.contact.id])],
                crm_reminder_ids=[
                    (
                        0,
                        0,
                        {"duration": 1, "duration_unit": "hours", "recipients": "me"},
                    ),
                    (
                        0,
                        0,
                        {"duration": 1, "duration_unit": "days", "recipients": "all"},
                    ),
                ],
            )
            reminders = event.crm_reminder_ids
            me = reminders.filtered(lambda r: r.recipients == "me")
            everyone = reminders - me
            # Nothing is due yet.
            self.assertEqual(self.Reminder._cron_send_reminders(), 0)
        with freeze_time("2026-03-09 09:00:00"):
            self.assertEqual(self.Reminder._cron_send_reminders(), 1)
            self.assertEqual(everyone.state, "sent")
            self.assertEqual(me.state, "pending")
            self.assertEqual(
                everyone.log_ids.partner_id, self.rep.partner_id | self.contact
            )
            self.assertEqual(len(self._mails(everyone.log_ids)), 2)
            # A second run sends nothing again.
            self.assertEqual(self.Reminder._cron_send_reminders(), 0)
        with freeze_time("2026-03-10 08:05:00"):
            self.assertEqual(self.Reminder._cron_send_reminders(), 1)
            self.assertEqual(me.log_ids.partner_id, self.rep.partner_id)
            self.assertEqual(self.Reminder._cron_send_reminders(), 0)
        self.assertEqual(len(event.crm_reminder_log_ids), 3)
        mail = self._mails(me.log_ids)
        self.assertIn("Meeting", mail.subject)
        self.assertEqual(mail.recipient_ids, self.rep.partner_id)

    def test_declined_invitee_not_reminded(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                partner_ids=[(6, 0, [self.rep.partner_id.id, self.contact.id])],
                crm_reminder_ids=[(0, 0, {"duration": 1, "recipients": "all"})],
            )
            event.attendee_ids.filtered(
                lambda a: a.partner_id == self.contact
            ).do_decline()
        with freeze_time("2026-03-10 09:00:00"):
            self.Reminder._cron_send_reminders()
        self.assertEqual(event.crm_reminder_log_ids.partner_id, self.rep.partner_id)

    def test_each_occurrence_of_a_recurrence(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                recurrency=True,
                rrule_type="weekly",
                interval=1,
                tue=True,
                end_type="count",
                count=3,
                event_tz="UTC",
                crm_reminder_ids=[(0, 0, {"duration": 1, "duration_unit": "hours"})],
            )
            occurrences = event.recurrence_id.calendar_event_ids
            self.assertEqual(len(occurrences), 3)
            reminders = occurrences.crm_reminder_ids
            self.assertEqual(len(reminders), 3)
            self.assertEqual(
                sorted(reminders.mapped("reminder_time")),
                [START - timedelta(hours=1) + timedelta(weeks=w) for w in range(3)],
            )
        for week in range(3):
            with freeze_time(START + timedelta(weeks=week, minutes=-50)):
                self.assertEqual(self.Reminder._cron_send_reminders(), 1)
                self.assertEqual(self.Reminder._cron_send_reminders(), 0)
        self.assertEqual(set(reminders.mapped("state")), {"sent"})
        self.assertEqual(len(reminders.log_ids), 3)

    def test_fixed_date_reminder_follows_each_occurrence(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                crm_reminder_ids=[
                    (0, 0, {"mode": "at_date", "remind_at": "2026-03-09 17:00:00"})
                ],
            )
            event.write(
                {
                    "recurrency": True,
                    "rrule_type": "weekly",
                    "tue": True,
                    "end_type": "count",
                    "count": 2,
                    "event_tz": "UTC",
                }
            )
            times = sorted(
                event.recurrence_id.calendar_event_ids.crm_reminder_ids.mapped(
                    "reminder_time"
                )
            )
        self.assertEqual(
            times, [datetime(2026, 3, 9, 17, 0), datetime(2026, 3, 16, 17, 0)]
        )

    def test_late_reminder_sent_at_once(self):
        with freeze_time("2026-03-10 08:50:00"):
            event = self._event(
                crm_reminder_ids=[(0, 0, {"duration": 1, "duration_unit": "hours"})]
            )
            reminder = event.crm_reminder_ids
            self.assertEqual(reminder.state, "pending")
            triggers = self.env["ir.cron.trigger"].search(
                [("cron_id", "=", self.cron.id)]
            )
            self.assertTrue(
                any(t.call_at <= fields.Datetime.now() for t in triggers),
                "a late reminder triggers the cron at once",
            )
            self.Reminder._cron_send_reminders()
            self.assertEqual(reminder.state, "sent")

    def test_late_reminder_skipped_by_setting(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_events_reminders.late_reminder_policy", "skip"
        )
        with freeze_time("2026-03-10 08:50:00"):
            event = self._event(
                crm_reminder_ids=[
                    (0, 0, {"duration": 1, "duration_unit": "hours"}),
                    (0, 0, {"duration": 5, "duration_unit": "minutes"}),
                ]
            )
            late, on_time = event.crm_reminder_ids.sorted("reminder_time")
            self.assertEqual(late.state, "skipped")
            self.assertEqual(on_time.state, "pending")
        with freeze_time("2026-03-10 08:56:00"):
            self.assertEqual(self.Reminder._cron_send_reminders(), 1)
        self.assertFalse(late.log_ids)

    def test_past_event_never_reminded(self):
        with freeze_time("2026-03-20 08:00:00"):
            event = self._event(crm_reminder_ids=[(0, 0, {"duration": 10})])
        self.assertEqual(event.crm_reminder_ids.state, "skipped")

    def test_rescheduled_event_reminded_again(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(crm_reminder_ids=[(0, 0, {"duration": 10})])
        with freeze_time("2026-03-10 08:55:00"):
            self.Reminder._cron_send_reminders()
            self.assertEqual(event.crm_reminder_ids.state, "sent")
            event.write(
                {
                    "start": START + timedelta(days=2),
                    "stop": START + timedelta(days=2, hours=1),
                }
            )
            self.assertEqual(event.crm_reminder_ids.state, "pending")

    def test_template_in_each_recipient_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.contact.lang = "fr_FR"
        template = self.env.ref("crm_events_reminders.mail_template_event_reminder")
        template.with_context(
            lang="fr_FR"
        ).subject = "Rappel : {{ object.event_id.name }}"
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                partner_ids=[(6, 0, [self.rep.partner_id.id, self.contact.id])],
                crm_reminder_ids=[(0, 0, {"duration": 1, "recipients": "all"})],
            )
        with freeze_time("2026-03-10 09:00:00"):
            self.Reminder._cron_send_reminders()
        subjects = {
            mail.recipient_ids: mail.subject
            for mail in self._mails(event.crm_reminder_log_ids)
        }
        self.assertEqual(subjects[self.contact], "Rappel : Meeting")
        self.assertEqual(subjects[self.rep.partner_id], "Reminder: Meeting")

    def test_shipped_french_template(self):
        """End to end on a database with French installed: the reminder a French
        contact receives is the template as translated in the module's fr.po."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["crm_events_reminders"], ["fr_FR"], overwrite=True
        )
        self.contact.lang = "fr_FR"
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                partner_ids=[(6, 0, [self.rep.partner_id.id, self.contact.id])],
                crm_reminder_ids=[(0, 0, {"duration": 1, "recipients": "all"})],
            )
        with freeze_time("2026-03-10 09:00:00"):
            self.Reminder._cron_send_reminders()
        mails = {
            mail.recipient_ids: mail for mail in self._mails(event.crm_reminder_log_ids)
        }
        french, english = mails[self.contact], mails[self.rep.partner_id]
        self.assertEqual(french.subject, "Rappel : Meeting")
        self.assertIn("Bonjour", french.body_html)
        self.assertIn("Ceci est un rappel de l'événement", french.body_html)
        self.assertEqual(english.subject, "Reminder: Meeting")
        self.assertIn("This is a reminder of the event", english.body_html)
        # the module's other templates are shipped in French too
        templates = self.env["ir.model.data"].search(
            [("module", "=", "crm_events_reminders"), ("model", "=", "mail.template")]
        )
        self.assertEqual(len(templates), 3)
        for template in self.env["mail.template"].browse(templates.mapped("res_id")):
            for fname in ("name", "subject", "body_html"):
                self.assertNotEqual(
                    template.with_context(lang="fr_FR")[fname],
                    template.with_context(lang="en_US")[fname],
                    f"{template.name}: {fname}",
                )

    def test_render_failure_does_not_block_others(self):
        template = self.env.ref(
            "crm_events_reminders.mail_template_event_reminder"
        ).copy(
            {
                "body_html": '<p>Hello <t t-out="1 / (0 if object.partner_id.'
                "name == 'Brandon Freeman' else 1)\"/></p>",
            }
        )
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                partner_ids=[(6, 0, [self.rep.partner_id.id, self.contact.id])],
                crm_reminder_ids=[
                    (
                        0,
                        0,
                        {
                            "duration": 1,
                            "recipients": "all",
                            "template_id": template.id,
                        },
                    )
                ],
            )
        with freeze_time("2026-03-10 09:00:00"):
            self.Reminder._cron_send_reminders()
        logs = event.crm_reminder_log_ids
        failed = logs.filtered(lambda lg: lg.state == "failed")
        self.assertEqual(failed.partner_id, self.contact)
        self.assertTrue(failed.error)
        self.assertEqual(len(self._mails(logs - failed)), 1)
        self.assertEqual(event.crm_reminder_ids.state, "sent")
        self.assertIn("could not be sent", "".join(event.message_ids.mapped("body")))

    def test_note_on_related_record_and_in_app(self):
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                opportunity_id=self.lead.id,
                res_model_id=self.env["ir.model"]._get_id("crm.lead"),
                res_id=self.lead.id,
                crm_reminder_ids=[
                    (0, 0, {"duration": 1, "channel": "note"}),
                    (0, 0, {"duration": 1, "channel": "notification"}),
                ],
            )
        with freeze_time("2026-03-10 09:00:00"):
            self.assertEqual(self.Reminder._cron_send_reminders(), 2)
        note = self.lead.message_ids.filtered(lambda m: "Reminder: Meeting" in m.body)
        self.assertEqual(len(note), 1)
        self.assertTrue(note.subtype_id.internal)
        in_app = event.crm_reminder_log_ids.filtered(
            lambda lg: lg.channel == "notification"
        )
        self.assertEqual(in_app.state, "sent")
        self.assertEqual(in_app.partner_id, self.rep.partner_id)

    def test_due_reminders_found_in_one_query(self):
        with freeze_time("2026-03-01 08:00:00"):
            self._event(crm_reminder_ids=[(0, 0, {"duration": 1})])
        self.env.flush_all()
        with freeze_time("2026-03-10 09:00:00"), self.assertQueryCount(1):
            ids = self.Reminder._crm_lock_due(50)
        self.assertEqual(len(ids), 1)

    def test_sending_queries_per_mail(self):
        with freeze_time("2026-03-01 08:00:00"):
            for i in range(20):
                self._event(
                    name=f"Meeting {i}", crm_reminder_ids=[(0, 0, {"duration": 1})]
                )
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time("2026-03-10 09:00:00"):
            before = self.cr.sql_log_count
            self.assertEqual(self.Reminder._cron_send_reminders(), 20)
            self.env.flush_all()
            queries = self.cr.sql_log_count - before
        self.assertLessEqual(queries / 20, 12, f"{queries} queries for 20 mails")


@tagged("post_install", "-at_install")
class TestReminderConcurrency(EventsCommon):
    """Two cron workers never send the same reminder (row locks, SKIP LOCKED)."""

    def test_two_workers(self):
        registry = self.registry
        with registry.cursor() as cr0:
            env0 = api.Environment(cr0, SUPERUSER_ID, {})
            now = fields.Datetime.now()
            events = (
                env0["calendar.event"]
                .with_context(crm_events_no_default_reminder=True)
                .create(
                    [
                        {
                            "name": f"Concurrency {i}",
                            "start": now + timedelta(days=1),
                            "stop": now + timedelta(days=1, hours=1),
                            "partner_ids": [],
                            "crm_reminder_ids": [
                                (
                                    0,
                                    0,
                                    {
                                        "mode": "at_date",
                                        "remind_at": datetime(2000, 1, 1, 0, i),
                                        "channel": "note",
                                    },
                                )
                            ],
                        }
                        for i in range(3)
                    ]
                )
            )
            reminder_ids = events.crm_reminder_ids.ids
            event_ids = events.ids
            cr0.commit()
        try:
            with registry.cursor() as cr1, registry.cursor() as cr2:
                env1 = api.Environment(cr1, SUPERUSER_ID, {})
                env2 = api.Environment(cr2, SUPERUSER_ID, {})
                first = env1["crm.event.reminder"]._crm_lock_due(2)
                self.assertEqual(first, reminder_ids[:2])
                # The second worker skips the locked lines instead of waiting.
                second = [
                    i
                    for i in env2["crm.event.reminder"]._crm_lock_due(50)
                    if i in reminder_ids
                ]
                self.assertEqual(second, reminder_ids[2:])
                env1["crm.event.reminder"].browse(first)._crm_send()
                env2["crm.event.reminder"].browse(second)._crm_send()
                cr1.commit()
                cr2.commit()
            with registry.cursor() as cr3:
                env3 = api.Environment(cr3, SUPERUSER_ID, {})
                reminders = env3["crm.event.reminder"].browse(reminder_ids)
                self.assertEqual(set(reminders.mapped("state")), {"sent"})
                self.assertEqual(len(reminders.log_ids), 3)
                # A crashed worker's batch is rolled back whole: nothing half-sent.
                self.assertFalse(
                    env3["crm.event.reminder"]._crm_lock_due(
                        50, now=datetime(2000, 1, 2)
                    )
                )
        finally:
            with registry.cursor() as cr4:
                env4 = api.Environment(cr4, SUPERUSER_ID, {})
                logs = env4["crm.event.reminder.log"].search(
                    [("event_id", "in", event_ids)]
                )
                env4["mail.message"].search(
                    [("model", "=", "calendar.event"), ("res_id", "in", event_ids)]
                ).unlink()
                logs.unlink()
                env4["calendar.event"].browse(event_ids).unlink()
                cr4.commit()


@tagged("post_install", "-at_install")
class TestReminderCrash(EventsCommon):
    def test_crash_rolls_the_batch_back_whole(self):
        """A crash while sending leaves the batch pending, without any log or mail;
        the next run sends it (the cron commits only finished batches)."""
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                crm_reminder_ids=[
                    (0, 0, {"duration": 1, "channel": "email"}),
                    (0, 0, {"duration": 1, "channel": "note"}),
                ]
            )
        log_class = type(self.env["crm.event.reminder.log"])
        with (
            freeze_time("2026-03-10 09:00:00"),
            patch.object(log_class, "_crm_post_notes", side_effect=RuntimeError),
            self.assertRaises(RuntimeError),
            self.env.cr.savepoint(),
        ):
            self.Reminder._cron_send_reminders()
        self.env.invalidate_all()
        self.assertEqual(set(event.crm_reminder_ids.mapped("state")), {"pending"})
        self.assertFalse(event.crm_reminder_log_ids)
        self.assertFalse(
            self.env["mail.mail"].search([("model", "=", "crm.event.reminder.log")])
        )
        with freeze_time("2026-03-10 09:00:00"):
            self.assertEqual(self.Reminder._cron_send_reminders(), 2)
        self.assertEqual(len(event.crm_reminder_log_ids), 2)


@tagged("post_install", "-at_install")
class TestReminderCommits(EventsCommon):
    def test_commits_only_in_the_cron_worker(self):
        """The cron commits per batch; run from a user's request ('Run manually',
        a server action) it never commits in the middle of it."""
        with freeze_time("2026-03-01 08:00:00"):
            event = self._event(
                crm_reminder_ids=[
                    (0, 0, {"duration": 1, "channel": "note"}),
                    (0, 0, {"duration": 30, "channel": "note"}),
                ]
            )
        cron_run = self.cron.ir_actions_server_id
        with (
            patch.object(threading.current_thread(), "testing", False),
            patch.object(self.env.cr, "commit") as commit,
        ):
            with freeze_time("2026-03-10 08:45:00"):
                cron_run.run()  # what 'Run manually' runs, in the user's request
            commit.assert_not_called()
            with freeze_time("2026-03-10 09:00:00"):
                cron_run.with_context(cron_id=self.cron.id).run()  # the worker
            commit.assert_called_once()
        self.assertEqual(set(event.crm_reminder_ids.mapped("state")), {"sent"})
