# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.calendar_event import TASK_ALERTS


class CrmEventTaskCreate(models.TransientModel):
    """The same task for many contacts (ONLYOFFICE): one task each."""

    _name = "crm.event.task.create"
    _description = "Create a Task for Contacts"

    partner_ids = fields.Many2many("res.partner", string="Contacts", required=True)
    name = fields.Char(string="Subject", required=True)
    category_id = fields.Many2one(
        "crm.event.category",
        domain="[('kind', '=', 'task')]",
    )
    start = fields.Datetime(
        string="Due", required=True, default=lambda self: self._default_start()
    )
    user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        required=True,
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
    )
    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High")], default="1"
    )
    task_alert = fields.Selection(
        TASK_ALERTS, string="Alert before due", default="1440"
    )
    description = fields.Html()

    @api.model
    def _default_start(self):
        """Tomorrow at 9:00, in the user's time zone."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        day = fields.Date.context_today(self) + timedelta(days=1)
        local = tz.localize(datetime.combine(day, time(9, 0)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def default_get(self, fields_list):
        defaults = super().default_get(fields_list)
        context = self.env.context
        if (
            "partner_ids" in fields_list
            and not defaults.get("partner_ids")
            and context.get("active_model") == "res.partner"
            and context.get("active_ids")
        ):
            defaults["partner_ids"] = [fields.Command.set(context["active_ids"])]
        return defaults

    def _task_values(self, partner):
        """A task of ``partner`` (its company as the customer): internal work,
        so only the assignee is invited, as for a task planned from a contact."""
        ir_model = self.env["ir.model"]._get_id("res.partner")
        return {
            "name": self.name,
            "crm_event_kind": "task",
            "crm_category_id": self.category_id.id,
            "start": self.start,
            "stop": self.start + timedelta(hours=1),
            "user_id": self.user_id.id,
            "crm_priority": self.priority,
            "crm_task_alert": self.task_alert,
            "description": self.description,
            "crm_partner_id": partner.commercial_partner_id.id,
            "crm_contact_id": partner.id,
            "partner_ids": [fields.Command.set(self.user_id.partner_id.ids)],
            "res_model_id": ir_model,
            "res_id": partner.id,
        }

    def action_create_tasks(self):
        self.ensure_one()
        if not self.partner_ids:
            raise UserError(self.env._("Select the contacts to create a task for."))
        # One create for all the tasks (set-based: reminders, alerts, defaults).
        tasks = self.env["calendar.event"].create(
            [self._task_values(partner) for partner in self.partner_ids]
        )
        action = self.env["ir.actions.actions"]._for_xml_id(
            "crm_events_reminders.crm_event_action"
        )
        action.update(
            {
                "name": self.env._("Tasks created"),
                "domain": [("id", "in", tasks.ids)],
                "context": {"default_crm_event_kind": "task"},
            }
        )
        return action
