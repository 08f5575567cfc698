# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo import fields
from odoo.tools.safe_eval import datetime, safe_eval

from .common import CrmNotesCommon


class TestCrmNoteSearch(CrmNotesCommon):
    """The search view of CRM notes, as a salesperson loads and uses it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Variable = cls.env["crm.note.variable"]
        cls.variable_zone = Variable.create({"name": "Zone", "variable_type": "text"})
        cls.variable_rank = Variable.create(
            {"name": "Ranking", "variable_type": "number"}
        )
        today = fields.Date.context_today(cls.env["crm.note"])
        cls.today = today
        cls.note_today = cls._note(user_id=cls.rep_own.id, date_followup=today)
        cls.note_later = cls._note(
            user_id=cls.rep_own.id, date_followup=today + timedelta(days=10)
        )
        cls.note_done = cls._note(user_id=cls.rep_own.id, date_followup=today)
        cls.note_done.action_done()
        for note, zone, rank in (
            (cls.note_today, "North coast", 1234.5),
            (cls.note_later, "Inland", 7),
        ):
            cls._set(note, cls.variable_zone, value_text=zone)
            cls._set(note, cls.variable_rank, value_number=rank)
        cls.notes = cls.note_today | cls.note_later | cls.note_done

    @classmethod
    def _set(cls, note, variable, **values):
        line = note.variable_value_ids.filtered(lambda v: v.variable_id == variable)
        if line:
            line.write(values)
        else:
            note.variable_value_ids = [(0, 0, {"variable_id": variable.id, **values})]
        return note.variable_value_ids.filtered(lambda v: v.variable_id == variable)

    def _search_arch(self):
        Note = self.env["crm.note"].with_user(self.rep_own)
        views = Note.get_views([(False, "search")])
        return etree.fromstring(views["views"]["search"]["arch"])

    def _filter_domain(self, name):
        """The filter's domain, evaluated with the context the web client gives."""
        node = self._search_arch().find(f".//filter[@name='{name}']")
        self.assertIsNotNone(node, name)
        Note = self.env["crm.note"].with_user(self.rep_own)
        context = {
            "uid": self.rep_own.id,
            # the web client's context_today(): today in the user's time zone
            "context_today": lambda: fields.Date.context_today(Note),
            "datetime": datetime,
            "relativedelta": relativedelta,
        }
        return safe_eval(node.get("domain"), context)

    def _found(self, domain):
        Note = self.env["crm.note"].with_user(self.rep_own)
        return Note.search(domain) & self.notes

    def test_open_completed_today_filters(self):
        self.assertEqual(
            self._found(self._filter_domain("filter_open")),
            self.note_today | self.note_later,
        )
        self.assertEqual(
            self._found(self._filter_domain("filter_done")), self.note_done
        )
        self.assertEqual(
            self._found(self._filter_domain("filter_today")), self.note_today
        )

    def test_followup_date_range(self):
        """The follow-up date filter offers Odoo's periods; a from–to range is
        Odoo's custom filter "is between" on it, which the field allows."""
        node = self._search_arch().find(".//filter[@name='filter_followup']")
        self.assertEqual(node.get("date"), "date_followup")
        Note = self.env["crm.note"].with_user(self.rep_own)
        self.assertTrue(Note.fields_get(["date_followup"])["date_followup"]["sortable"])
        domain = [
            ("date_followup", ">=", self.today + timedelta(days=5)),
            ("date_followup", "<=", self.today + timedelta(days=15)),
        ]
        self.assertEqual(self._found(domain), self.note_later)

    def test_search_text_and_number_variables(self):
        field = self._search_arch().find(".//field[@name='variable_value_search']")
        self.assertIsNotNone(field)
        self.assertEqual(
            self._found([("variable_value_search", "ilike", "coast")]),
            self.note_today,
        )
        self.assertEqual(
            self._found([("variable_value_search", "ilike", "7")]),
            self.note_later,
        )
        self.assertEqual(
            self._found([("variable_value_search", "ilike", "1234.5")]),
            self.note_today,
        )
        self.assertEqual(
            self._found([("variable_value_search", "ilike", "Grocer")]),
            self.env["crm.note"],
        )
        self._set(self.note_later, self.variable_store, option_id=self.opt_grocery.id)
        self.assertEqual(
            self._found([("variable_value_search", "ilike", "Grocer")]),
            self.note_later,
        )

    def test_numbers_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        rank = self.note_today.variable_value_ids.filtered(
            lambda v: v.variable_id == self.variable_rank
        )
        lang = self.env["res.lang"]._lang_get("fr_FR")
        expected = f"1{lang.thousands_sep}234{lang.decimal_point}5"
        self.assertEqual(rank.with_context(lang="fr_FR").value_display, expected)
        self.assertEqual(rank.with_context(lang="en_US").value_display, "1,234.5")
        # A French rep searches the number as they write it.
        self.rep_own.lang = "fr_FR"
        Note = self.env["crm.note"].with_user(self.rep_own).with_context(lang="fr_FR")
        self.assertEqual(
            Note.search([("variable_value_search", "ilike", expected)]) & self.notes,
            self.note_today,
        )
        self.assertEqual(
            Note.search([("variable_value_search", "ilike", "1234,5")]) & self.notes,
            self.note_today,
        )
