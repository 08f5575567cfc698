# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # Salespeople get the cases (not every employee: calendar users outside sales
    # would see a Case field on events that they could not open).
    group_crm_case = fields.Boolean(
        string="Cases",
        implied_group="crm_events_reminders.group_crm_case",
        group="sales_team.group_sale_salesman",
    )
    crm_event_late_reminder_policy = fields.Selection(
        selection=[("send", "Send at once"), ("skip", "Skip")],
        string="Reminders created after their time",
        default="send",
        config_parameter="crm_events_reminders.late_reminder_policy",
        help="What to do with a reminder whose time has passed when it is saved.",
    )
    crm_event_reminder_batch_size = fields.Integer(
        string="Reminder batch size",
        default=50,
        config_parameter="crm_events_reminders.batch_size",
        help="Reminders sent per transaction by the reminder cron.",
    )
