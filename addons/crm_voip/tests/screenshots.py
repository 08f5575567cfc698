# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Readme screenshots taken by the softphone tour (in English).

A step built with ``screenshotStep`` (static/tests/tours/crm_voip_screenshot.js) logs
``crm_voip:screenshot {"name", "x", "y", "width", "height"}`` and waits: the browser of
:func:`tour_screenshots` (``tour_screens.py``, shared by every module's tours)
captures that region, keeps the PNG and acknowledges it in
``window.crmVoipScreenshots``.

The PNGs always go to Odoo's screenshots directory (``--screenshots``, under
``<db>/crm_voip_readme``); with ``CRM_README_SCREENSHOTS=1`` in the environment they
also replace the module's ``static/description/*.png`` the readme shows
(``tools/screenshots``).
"""

import contextlib

from . import tour_screens
from .tour_screens import png_size

__all__ = ["png_size", "tour_screenshots"]

PREFIX = "crm_voip:screenshot "
README_ENV = tour_screens.README_ENV


@contextlib.contextmanager
def tour_screenshots(test_case):
    """Browsers started inside the block take the screenshots their tour asks for;
    yields the ``name -> PNG bytes`` dict they fill."""
    with tour_screens.tour_screenshots(
        test_case, prefix=PREFIX, ack="crmVoipScreenshots"
    ) as screens:
        yield screens.shots
