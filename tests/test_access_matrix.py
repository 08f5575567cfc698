# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who may do what: the access matrix measured on the full database equals the table
tests/access_matrix.csv, and each module's readme shows that table.

After a deliberate change of rights, measure the table again and review its diff:

    ACCESS_MATRIX_WRITE=1 .venv/bin/python -m pytest tests/test_access_matrix.py ...
    tools/gen_access_matrix.py && tools/gen_readme.py
"""

import importlib.util
import os

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry

from . import access_matrix
from .common import BRIDGES, MODULES, ROOT

TABLE = ROOT / "tests" / "access_matrix.csv"


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_access_matrix", ROOT / "tools" / "gen_access_matrix.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_access_matrix():
    registry = Registry(odoo.tools.config["db_name"])
    with registry.cursor() as cr:
        try:
            env = api.Environment(cr, SUPERUSER_ID, {})
            measured = access_matrix.measure(env, MODULES + BRIDGES)
        finally:
            cr.rollback()
    expected = access_matrix.read_table(TABLE) if TABLE.exists() else []
    if os.environ.get("ACCESS_MATRIX_WRITE"):
        access_matrix.write_table(TABLE, measured, notes=expected)
        expected = measured
    changes = access_matrix.diff(expected, measured)
    assert not changes, (
        f"{len(changes)} cell(s) of the access matrix changed "
        f"(Y done, N no access right, - hidden by a record rule, ! refused by a check, "
        f"E error); fix the rights or update {TABLE.name} and the readmes "
        f"(see this test's docstring):\n" + "\n".join(changes)
    )


def test_readmes_show_the_matrix():
    generator = _generator()
    stale = [
        str(path.relative_to(ROOT))
        for path, text in generator.sections().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, (
        f"the section 'Who can do what' differs from {TABLE.name} in {stale}: run "
        "tools/gen_access_matrix.py, then tools/gen_readme.py"
    )
