# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Export each module's terms to i18n/<module>.pot and merge them into i18n/fr.po.

French translations are kept, new terms added untranslated, vanished ones dropped.
Usage (through tools/i18n): i18n_sync.py ODOO_RC DATABASE MODULE [MODULE ...]
"""

import io
import sys
from pathlib import Path

import polib

import odoo
from odoo.modules.registry import Registry
from odoo.tools.translate import trans_export

ADDONS = Path(__file__).resolve().parent.parent / "addons"


def sync(registry, module):
    buffer = io.BytesIO()
    with registry.cursor() as cr:
        trans_export(False, [module], buffer, "po", cr)
    text = buffer.getvalue().decode()
    folder = ADDONS / module / "i18n"
    folder.mkdir(exist_ok=True)
    (folder / f"{module}.pot").write_text(text)
    fr_path = folder / "fr.po"
    if fr_path.exists():
        french = polib.pofile(str(fr_path))
        french.merge(polib.pofile(text))
        for entry in [e for e in french if e.obsolete]:
            french.remove(entry)
    else:
        french = polib.pofile(text)
    french.metadata["Language"] = "fr"
    french.metadata["Plural-Forms"] = "nplurals=2; plural=n > 1;"
    for entry in french:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
    french.save(str(fr_path))
    missing = [e.msgid for e in french if not e.msgstr]
    print(f"{module}: {len(french)} terms, {len(missing)} untranslated")
    for msgid in missing:
        print("   ", msgid.replace("\n", "\\n")[:120])


def main():
    rc, db, *modules = sys.argv[1:]
    odoo.tools.config.parse_config(["-c", rc, "-d", db])
    registry = Registry(db)
    for module in modules:
        sync(registry, module)


if __name__ == "__main__":
    main()
