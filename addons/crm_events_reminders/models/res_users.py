# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResUsers(models.Model):
    _inherit = "res.users"

    crm_default_reminder_minutes = fields.Integer(
        string="Default event reminder (minutes)",
        default=0,
        help="Minutes before the start of the events assigned to you at which an "
        "in-app reminder is added to each new event. 0: no reminder.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + ["crm_default_reminder_minutes"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return super().SELF_WRITEABLE_FIELDS + ["crm_default_reminder_minutes"]

    @api.constrains("crm_default_reminder_minutes")
    def _check_crm_default_reminder_minutes(self):
        if any(user.crm_default_reminder_minutes < 0 for user in self):
            raise ValidationError(
                self.env._("The default reminder delay cannot be negative.")
            )
