# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, datetime

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .common import EventsCommon


@tagged("post_install", "-at_install")
class TestWizardBadInput(EventsCommon):
    """Bad input in the event wizards, as the user who opens them: a translated
    UserError that says what to change, and nothing written."""

    def _followup_form(self, event):
        action = event.with_user(self.rep).action_crm_followup()
        Wizard = self.env[action["res_model"]].with_user(self.rep)
        return Form(Wizard.with_context(**action["context"]))

    def test_followup_before_the_event(self):
        """A follow-up dated before the event it follows is refused."""
        event = self._event()
        event.with_user(self.rep).action_crm_cancel()
        form = self._followup_form(event)
        form.start = datetime(2026, 3, 9, 9, 0)
        wizard = form.save()
        before = self.Event.search_count([])
        with self.assertRaisesRegex(UserError, "before the event it follows"):
            wizard.action_create_followup()
        self.env["res.lang"]._activate_lang("fr_FR")
        with self.assertRaisesRegex(UserError, "avant l.événement"):
            wizard.with_context(lang="fr_FR").action_create_followup()
        self.assertEqual(self.Event.search_count([]), before)
        # the same day, later: accepted
        form = self._followup_form(event)
        form.start = datetime(2026, 3, 10, 16, 0)
        form.save().action_create_followup()
        self.assertEqual(self.Event.search_count([]), before + 1)

    def test_recurrence_bad_numbers(self):
        """The recurrence assistant refuses an interval or a count below one and an
        end date before the event; the event stays single."""
        event = self._event()
        action = event.with_user(self.rep).action_crm_recurrence_wizard()
        Wizard = self.env[action["res_model"]].with_user(self.rep)
        cases = [
            ({"interval": -1}, "interval must be at least 1"),
            ({"count": 0}, "number of occurrences must be at least 1"),
            ({"count": -3}, "number of occurrences must be at least 1"),
            (
                {"end_type": "end_date", "until": date(2026, 3, 1)},
                "end date is before the start",
            ),
        ]
        for values, message in cases:
            with self.subTest(values=values):
                form = Form(Wizard.with_context(**action["context"]))
                for name, value in values.items():
                    setattr(form, name, value)
                wizard = form.save()
                with self.assertRaisesRegex(UserError, message):
                    wizard.action_apply()
        self.assertFalse(event.recurrency)
        self.assertFalse(event.recurrence_id)

    def test_reassign_period_the_wrong_way_round(self):
        """Vacation reassignment: a period that ends before it starts, or the absent
        user as their own replacement, is refused and no event moves."""
        event = self._event()
        Wizard = self.env["crm.event.reassign"].with_user(self.manager)
        wizard = Wizard.create(
            {
                "from_user_id": self.rep.id,
                "to_user_id": self.manager.id,
                "date_from": date(2026, 3, 11),
                "date_to": date(2026, 3, 9),
            }
        )
        with self.assertRaisesRegex(UserError, "end of the period is before"):
            wizard.action_reassign()
        wizard.write({"date_from": date(2026, 3, 9), "to_user_id": self.rep.id})
        with self.assertRaisesRegex(UserError, "another user as replacement"):
            wizard.action_reassign()
        self.assertEqual(event.user_id, self.rep)
