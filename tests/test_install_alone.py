# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Each module installs alone on a fresh database (demo data) and uninstalls cleanly."""

import os
import re
import shutil
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

import odoo
from odoo.tools import SQL

from .common import MODULES, ROOT

ODOO_BIN = Path(os.environ.get("ODOO_PATH", "/opt/odoo-18.0")) / "odoo-bin"
LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d [\d:,]+ \d+ (WARNING|ERROR|CRITICAL) ", re.M)
IGNORED = [
    re.compile(line)
    for line in (ROOT / "tools" / "checklog-ignore.txt").read_text().splitlines()
    if line and not line.startswith("#")
]

UNINSTALL = """
module = env["ir.module.module"].search([("name", "=", {module!r})])
module.button_immediate_uninstall()
env.cr.execute("SELECT state FROM ir_module_module WHERE name = %s", [{module!r}])
print("STATE", env.cr.fetchone()[0])
env.cr.execute("SELECT count(*) FROM ir_model_data WHERE module = %s", [{module!r}])
print("XMLIDS", env.cr.fetchone()[0])
"""


def _drop(db):
    """Drop the database. odoo.service.db.exp_drop only drops the databases the
    configuration lists (--database names the test database alone): it left the
    databases of these tests behind, and the next run installed over them."""
    odoo.modules.registry.Registry.delete(db)
    odoo.sql_db.close_db(db)
    with closing(odoo.sql_db.db_connect("postgres").cursor()) as cr:
        cr._cnx.autocommit = True  # DROP DATABASE cannot run in a transaction
        cr.execute(SQL("DROP DATABASE IF EXISTS %s WITH (FORCE)", SQL.identifier(db)))
    shutil.rmtree(odoo.tools.config.filestore(db), ignore_errors=True)


def _odoo(*args, command=(), stdin=None):
    cmd = [sys.executable, str(ODOO_BIN), *command, "-c", odoo.tools.config.rcfile]
    proc = subprocess.run(
        [*cmd, "--no-http", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    output = proc.stdout + proc.stderr
    problems = [
        line
        for line in output.splitlines()
        if LOG_LINE.match(line) and not any(i.search(line) for i in IGNORED)
    ]
    assert proc.returncode == 0, output[-3000:]
    assert not problems, "\n".join(problems)
    return output


@pytest.mark.parametrize("module", MODULES)
def test_installs_alone_and_uninstalls(module):
    db = f"{odoo.tools.config['db_name']}_alone_{module}"
    _drop(db)
    try:
        _odoo("-d", db, "-i", module, "--stop-after-init", "--log-level", "warn")
        out = _odoo(
            "-d",
            db,
            "--log-level",
            "warn",
            command=["shell"],
            stdin=UNINSTALL.format(module=module),
        )
        assert "STATE uninstalled" in out, out[-3000:]
        assert "XMLIDS 0" in out, out[-3000:]
    finally:
        _drop(db)
