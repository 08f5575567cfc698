# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The screens of a tour: readme screenshots, and no English on a French screen.

The same file is in each of our modules' ``tests/`` (a module never depends on another
of ours; ``tests/test_tour_screens.py`` at the repository's root keeps the copies
identical), with its web side ``static/tests/tours/<module>_readme_step.js``.

A step built with ``screenshotStep`` (or ``screenTextStep``) logs
``crm_readme:screen {"name", "text", "clip"}``: the page's visible text
(``document.body.innerText``) and the region to capture. The browser of
:func:`tour_screenshots` captures the region through the DevTools protocol
(``Page.captureScreenshot``), keeps the PNG and the text, and tells the page it may go
on. The PNGs always go to Odoo's screenshots directory (``--screenshots``, under
``<db>/<module>_readme``); with ``CRM_README_SCREENSHOTS=1`` in the environment they
also replace the module's ``static/description/*.png`` the readme shows
(``tools/screenshots``).

:class:`FrenchTourMixin` runs a tour in French (Odoo's and our modules' French loaded,
users in French) and fails when the visible text of a screen holds one of the module's
own source strings untranslated: the msgids of its ``.pot`` whose ``fr.po`` translation
differs from the English (so that the check cannot go stale).
"""

import base64
import contextlib
import io
import json
import os
import pathlib
import re
import struct
from unittest.mock import patch

from PIL import Image

from odoo.tests import common as tests_common
from odoo.tests import new_test_user
from odoo.tools import config
from odoo.tools.translate import PoFileReader

PREFIX = "crm_readme:screen "
ACK = "crmReadmeScreens"
URL_PARAM = "crm_readme_screens"
README_ENV = "CRM_README_SCREENSHOTS"
MODULE_PATH = pathlib.Path(__file__).parents[1]
MODULE = MODULE_PATH.name


def png_size(data):
    """(width, height) of a PNG, or None when ``data`` is not one."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


class Screens:
    """What the tour's screens left: ``shots`` (name -> PNG bytes), ``texts`` (name ->
    visible text of the page)."""

    def __init__(self):
        self.shots = {}
        self.texts = {}


class _ScreenBrowser(tests_common.ChromeBrowser):
    screens = None  # set by tour_screenshots()
    prefix = PREFIX
    ack = ACK

    def _handle_console(self, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
        first = args and self._from_remoteobject(args[0])
        if type == "log" and isinstance(first, str) and first.startswith(self.prefix):
            self._screen(json.loads(first[len(self.prefix) :]))
            return
        return super()._handle_console(type, args=args, stackTrace=stackTrace, **kw)

    def _acknowledge(self, name):
        self._websocket_send(
            "Runtime.evaluate",
            params={
                "expression": f"(window.{self.ack} ||= []).push({json.dumps(name)})"
            },
        )

    def _screen(self, screen):
        # called by the websocket consumer thread: send, never wait here
        name = screen["name"]
        if "text" in screen:
            self.screens.texts[name] = screen["text"]
        clip = screen.get("clip") or (
            # crm_voip's first screenshot step sent the region alone
            "width" in screen and {k: screen[k] for k in ("x", "y", "width", "height")}
        )
        if not clip:
            self._acknowledge(name)
            return
        future = self._websocket_send(
            "Page.captureScreenshot",
            params={"format": "png", "clip": dict(clip, scale=1)},
            with_future=True,
        )

        def done(future):
            try:
                data = future.result(timeout=0)["data"]
                self.screens.shots[name] = base64.b64decode(data, validate=True)
            except Exception as error:  # noqa: BLE001 - reported by the tour step
                self._logger.error("screenshot %s failed: %s", name, error)
                return
            self._acknowledge(name)

        future.add_done_callback(done)


def small_png(data):
    """The PNG in 256 colours: a screen of Odoo reads the same, in a third of the
    bytes the repository keeps."""
    image = Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=256)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@contextlib.contextmanager
def tour_screenshots(test_case, prefix=PREFIX, ack=ACK, folder=f"{MODULE}_readme"):
    """Browsers started inside the block take the screens their tour asks for; yields
    the :class:`Screens` they fill. The PNGs are written when the block ends."""
    screens = Screens()
    browser_class = type(
        "ScreenBrowser",
        (_ScreenBrowser,),
        {"screens": screens, "prefix": prefix, "ack": ack},
    )
    with patch.object(tests_common, "ChromeBrowser", browser_class):
        yield screens
    out = pathlib.Path(config["screenshots"]) / test_case.env.cr.dbname
    targets = [out / folder]
    if os.environ.get(README_ENV):
        targets.append(MODULE_PATH / "static" / "description")
    for target in targets:
        target.mkdir(parents=True, exist_ok=True)
        for name, data in screens.shots.items():
            (target / f"{name}.png").write_bytes(small_png(data))


# "%s", "%(name)s", "%d", "{name}", "{{ x }}": the parts of a msgid filled at run time
PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[sdfr]|\{\{.*?\}\}|\{[\w.]*\}")


def _normalize(text):
    return " ".join(text.split())


def english_msgids(module_path=MODULE_PATH):
    """The module's source strings that read differently in French, as ``msgid ->
    regex`` of the text they show: from the ``.pot`` (every msgid of the module) and
    ``fr.po`` (skipping the msgids French writes the same: "Date", "Notes"...), the
    ones long enough to be told apart from a French word (two words, or six
    characters of fixed text), without HTML."""
    i18n = module_path / "i18n"
    french = {
        entry["src"]: entry["value"]
        for entry in PoFileReader(str(i18n / "fr.po"))
        if entry["value"]
    }
    msgids = {}
    for entry in PoFileReader(str(i18n / f"{module_path.name}.pot")):
        msgid = _normalize(entry["src"])
        if (
            not msgid
            or msgid in msgids
            or "<" in msgid
            or _normalize(french.get(entry["src"], "")) == msgid
        ):
            continue
        parts = [part.strip() for part in PLACEHOLDER.split(msgid)]
        fixed = " ".join(p for p in parts if p)
        if len(fixed) < 6 and len(fixed.split()) < 2:
            continue
        pattern = r"\s*\S.*?\s*".join(re.escape(part) for part in parts)
        msgids[msgid] = re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE)
    return msgids


def english_on_screens(texts, allowed=(), module_path=MODULE_PATH):
    """``{screen: [msgid, ...]}``: the module's untranslated source strings in the
    visible text of each screen, but those of ``allowed``."""
    msgids = english_msgids(module_path)
    found = {}
    for screen, text in texts.items():
        text = _normalize(text)
        english = [
            msgid
            for msgid, regex in msgids.items()
            if msgid not in allowed and regex.search(text)
        ]
        if english:
            found[screen] = sorted(english)
    return found


class FrenchTourMixin:
    """For an ``HttpCase``: the first hour of a French sales team.

    ``setUpClass`` installs French as a company does (*Settings > Languages*: Odoo's
    French and our modules' ``fr.po``), in France. :meth:`french_user` makes a user who
    reads French; :meth:`start_french_tour` runs a tour, keeps its screens and fails on
    English text of the module on any of them (and, as every tour, on a console error).

    ``ENGLISH_ALLOWED``: ``{msgid: reason}``, the known gaps, named, each with its
    reason (an open item of an issue).
    """

    ENGLISH_ALLOWED = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("fr_FR")
        installed = env["ir.module.module"].search([("state", "=", "installed")])
        env["ir.module.module"]._load_module_terms(installed.mapped("name"), ["fr_FR"])
        env.invalidate_all()
        cls.company = env.ref("base.main_company")
        cls.company.write({"country_id": env.ref("base.fr").id})
        env.ref("base.user_admin").write({"lang": "fr_FR", "tz": "Europe/Paris"})

    @classmethod
    def french_user(cls, login, groups, **values):
        """A user in French, in Paris, with the login as password."""
        return new_test_user(
            cls.env,
            login=login,
            groups=groups,
            lang="fr_FR",
            tz="Europe/Paris",
            **values,
        )

    def start_french_tour(self, url, tour, login, **kwargs):
        """Runs ``tour`` from ``url`` as ``login`` with its screens taken; fails on the
        module's English on a screen. Returns the :class:`Screens`."""
        separator = "&" if "?" in url else "?"
        with tour_screenshots(self) as screens:
            self.start_tour(
                f"{url}{separator}{URL_PARAM}=1", tour, login=login, **kwargs
            )
        self.assertTrue(screens.texts, f"{tour}: no screen was taken")
        english = english_on_screens(screens.texts, self.ENGLISH_ALLOWED)
        self.assertFalse(
            english,
            f"{tour}: English of {MODULE} on a French screen: "
            + "; ".join(f"{screen}: {msgids}" for screen, msgids in english.items()),
        )
        return screens
