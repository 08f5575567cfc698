# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools import SQL

from .models.crm_event_reminder import ATTENDEE_EVENT_INDEX


def uninstall_hook(env):
    """Drop the index this module added on Odoo's calendar_attendee table."""
    env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(ATTENDEE_EVENT_INDEX)))
