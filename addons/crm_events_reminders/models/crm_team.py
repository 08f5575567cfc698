# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmTeam(models.Model):
    _inherit = "crm.team"

    # As crm.lead's lead_properties: the team's administrators define the fields.
    crm_case_properties_definition = fields.PropertiesDefinition("Case Properties")
