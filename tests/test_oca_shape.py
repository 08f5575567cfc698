# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every addon has the shape OCA's tools and Odoo's Apps expect: a wheel can be built
(whool), the manifest names its project, Apps shows a description and an icon."""

import ast
import struct
import subprocess
import sys

import pytest

from .common import ADDONS, BRIDGES, MODULES, ROOT

WEBSITE = "https://github.com/crm-practices/odoo-crm-practices"


@pytest.mark.parametrize("addon", MODULES + BRIDGES)
def test_oca_shape(addon):
    folder = ADDONS / addon
    pyproject = (folder / "pyproject.toml").read_text()
    assert 'build-backend = "whool.buildapi"' in pyproject
    manifest = ast.literal_eval((folder / "__manifest__.py").read_text())
    assert manifest["website"] == WEBSITE
    assert manifest["maintainers"]
    assert manifest["development_status"] in ("Alpha", "Beta", "Production/Stable")
    assert "installable" not in manifest, "superfluous: True is Odoo's default"
    for path in (
        "readme/DESCRIPTION.md",
        "readme/CONTRIBUTORS.md",
        "README.rst",
        "static/description/index.html",
    ):
        assert (folder / path).is_file(), f"{addon}/{path}"
    assert manifest["name"] in (folder / "README.rst").read_text()
    icon = (folder / "static/description/icon.png").read_bytes()
    assert icon[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", icon[16:24])
    assert width == height >= 128


def test_readme_generator_is_up_to_date():
    """The README.rst and index.html files are those tools/gen_readme.py writes."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
