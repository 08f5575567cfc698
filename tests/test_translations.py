# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Each module's i18n/fr.po translates every term Odoo exports for it."""

import io

import polib
import pytest

import odoo
from odoo.modules.registry import Registry
from odoo.tools.translate import trans_export

from .common import ADDONS, BRIDGES, MODULES


@pytest.mark.parametrize("module", MODULES + BRIDGES)
def test_french_is_complete(module):
    registry = Registry(odoo.tools.config["db_name"])
    buffer = io.BytesIO()
    with registry.cursor() as cr:
        trans_export(False, [module], buffer, "po", cr)
    template = polib.pofile(buffer.getvalue().decode())
    french = {
        (e.msgctxt, e.msgid): e
        for e in polib.pofile(str(ADDONS / module / "i18n" / "fr.po"))
        if not e.obsolete
    }
    missing = [
        e.msgid
        for e in template
        if not (
            (e.msgctxt, e.msgid) in french
            and french[(e.msgctxt, e.msgid)].msgstr.strip()
        )
    ]
    assert len(template) > 0, f"{module}: Odoo exports no term"
    assert not missing, f"{module}: untranslated in fr.po: {missing}"
