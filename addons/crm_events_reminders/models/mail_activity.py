# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from .calendar_event import KIND_ACTIVITY_TYPES


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def action_create_calendar_event(self):
        """Odoo's 'Open Calendar' of a Call activity (schedule dialog or the
        activity itself) plans a call event, not a meeting: the event takes the
        kind matching the activity's type, and keeps this activity as its own."""
        action = super().action_create_calendar_event()
        xmlids = {xmlid: kind for kind, xmlid in KIND_ACTIVITY_TYPES.items()}
        kind = next(
            (
                xmlids[xmlid]
                for xmlid in self.activity_type_id.get_external_id().values()
                if xmlid in xmlids
            ),
            None,
        )
        if kind and "default_crm_event_kind" not in action["context"]:
            action["context"] = dict(action["context"], default_crm_event_kind=kind)
        return action
