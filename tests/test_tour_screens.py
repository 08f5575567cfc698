# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The tours' screens helper is copied into each module (a module never depends on
another of ours): the copies stay the same, and so do their web sides."""

from .common import ADDONS

FIRST_HOUR = [
    "crm_leads_ext",
    "crm_events_reminders",
    "crm_notes",
    "crm_invoicing_ext",
    "crm_voip",
]


def _copies(pattern):
    return {path.parts[len(ADDONS.parts)]: path for path in ADDONS.glob(pattern)}


def test_python_copies_identical():
    copies = _copies("*/tests/tour_screens.py")
    assert set(FIRST_HOUR) <= set(copies)
    reference = copies["crm_leads_ext"].read_text()
    different = [m for m, path in copies.items() if path.read_text() != reference]
    assert not different, f"tests/tour_screens.py differs in {different}"


def test_web_copies_identical():
    copies = {
        module: ADDONS / module / f"static/tests/tours/{module}_readme_step.js"
        for module in _copies("*/tests/tour_screens.py")
    }
    missing = [m for m, path in copies.items() if not path.is_file()]
    assert not missing, f"no static/tests/tours/<module>_readme_step.js in {missing}"
    reference = copies["crm_leads_ext"].read_text()
    different = [m for m, path in copies.items() if path.read_text() != reference]
    assert not different, f"the readme step differs in {different}"
