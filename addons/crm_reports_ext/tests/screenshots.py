# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Readme screenshots taken by a tour.

A step built with ``screenshotStep``
(static/tests/tours/crm_reports_ext_screenshot.js) logs
``crm_reports_ext:screenshot {"name", "x", "y", "width", "height"}`` and waits. The
browser of :func:`tour_screenshots` captures that region through the DevTools protocol
(``Page.captureScreenshot``), keeps the PNG and tells the page it may go on.

The PNGs always go to Odoo's screenshots directory (``--screenshots``, under
``<db>/crm_reports_ext_readme``); with ``CRM_README_SCREENSHOTS=1`` in the
environment they also replace the module's ``static/description/*.png`` the readme shows
(``tools/screenshots``).
"""

import base64
import contextlib
import json
import os
import pathlib
import struct
from unittest.mock import patch

from odoo.tests import common as tests_common
from odoo.tools import config

PREFIX = "crm_reports_ext:screenshot "
README_ENV = "CRM_README_SCREENSHOTS"


def png_size(data):
    """(width, height) of a PNG, or None when ``data`` is not one."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


class _ScreenshotBrowser(tests_common.ChromeBrowser):
    shots = None  # name -> PNG bytes, set by tour_screenshots()

    def _handle_console(self, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
        first = args and self._from_remoteobject(args[0])
        if type == "log" and isinstance(first, str) and first.startswith(PREFIX):
            self._capture(json.loads(first[len(PREFIX) :]))
            return
        return super()._handle_console(type, args=args, stackTrace=stackTrace, **kw)

    def _capture(self, shot):
        # called by the websocket consumer thread: send, never wait here
        name = shot["name"]
        clip = {key: shot[key] for key in ("x", "y", "width", "height")}
        future = self._websocket_send(
            "Page.captureScreenshot",
            params={"format": "png", "clip": dict(clip, scale=1)},
            with_future=True,
        )

        def done(future):
            try:
                data = future.result(timeout=0)["data"]
                self.shots[name] = base64.b64decode(data, validate=True)
            except Exception as error:  # noqa: BLE001 - reported by the tour step
                self._logger.error("screenshot %s failed: %s", name, error)
                return
            self._websocket_send(
                "Runtime.evaluate",
                params={
                    "expression": "(window.crmReportsScreenshots ||= [])"
                    f".push({json.dumps(name)})"
                },
            )

        future.add_done_callback(done)


@contextlib.contextmanager
def tour_screenshots(test_case):
    """Browsers started inside the block take the screenshots their tour asks for;
    yields the ``name -> PNG bytes`` dict they fill."""
    shots = {}
    browser_class = type("ScreenshotBrowser", (_ScreenshotBrowser,), {"shots": shots})
    with patch.object(tests_common, "ChromeBrowser", browser_class):
        yield shots
    out = pathlib.Path(config["screenshots"]) / test_case.env.cr.dbname
    targets = [out / "crm_reports_ext_readme"]
    if os.environ.get(README_ENV):
        targets.append(pathlib.Path(__file__).parents[1] / "static" / "description")
    for target in targets:
        target.mkdir(parents=True, exist_ok=True)
        for name, data in shots.items():
            (target / f"{name}.png").write_bytes(data)
