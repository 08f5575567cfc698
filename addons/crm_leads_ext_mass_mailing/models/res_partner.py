# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.osv import expression


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _crm_campaign_map(self):
        """Add the campaigns of the mailings the contacts received (their leads'
        mailings come with the leads): one grouped query for the whole recordset."""
        found = super()._crm_campaign_map()
        if not self.ids:
            return found
        # sudo: salespeople may not read mailing traces; only the campaigns of the
        # mailings sent to these contacts, which the user reads, are used
        groups = (
            self.env["mailing.trace"]
            .sudo()
            ._read_group(
                [
                    ("model", "=", "res.partner"),
                    ("res_id", "in", self.ids),
                    ("campaign_id", "!=", False),
                ],
                ["res_id", "campaign_id"],
            )
        )
        for res_id, campaign in groups:
            found[res_id].add(campaign.id)
        return found

    @api.model
    def _crm_campaign_domain(self, campaigns):
        """Also the contacts that received a mailing of one of the campaigns."""
        recipients = self.env["crm.lead"]._crm_mailing_recipients(
            "res.partner", campaigns
        )
        return expression.OR(
            [super()._crm_campaign_domain(campaigns), [("id", "in", recipients)]]
        )
