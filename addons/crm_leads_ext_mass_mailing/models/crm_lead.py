# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.osv import expression
from odoo.tools import SQL


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def _crm_campaign_map(self):
        """Add the campaigns of the mailings the leads, or their contacts, received
        (Odoo's mailing traces): one grouped query for the whole recordset."""
        found = super()._crm_campaign_map()
        leads = self.filtered(lambda lead: lead._origin.id)
        if not leads:
            return found
        partners = leads.partner_id._origin
        # sudo: salespeople may not read mailing traces; only the campaigns of the
        # mailings sent to these leads and contacts, which the user reads, are used
        groups = (
            self.env["mailing.trace"]
            .sudo()
            ._read_group(
                self._crm_mailing_trace_domain(leads._origin.ids, partners.ids),
                ["model", "res_id", "campaign_id"],
            )
        )
        received = {(model, res_id): set() for model, res_id, _campaign in groups}
        for model, res_id, campaign in groups:
            received[model, res_id].add(campaign.id)
        for lead in leads:
            found[lead.id] |= received.get(("crm.lead", lead._origin.id), set())
            found[lead.id] |= received.get(
                ("res.partner", lead.partner_id._origin.id), set()
            )
        return found

    @api.model
    def _crm_mailing_trace_domain(self, lead_ids, partner_ids):
        return expression.AND(
            [
                [("campaign_id", "!=", False)],
                expression.OR(
                    [
                        [("model", "=", "crm.lead"), ("res_id", "in", lead_ids)],
                        [("model", "=", "res.partner"), ("res_id", "in", partner_ids)],
                    ]
                ),
            ]
        )

    @api.model
    def _crm_campaign_domain(self, campaigns):
        """Also the leads, and the leads of the contacts, that received a mailing of
        one of the campaigns."""
        return expression.OR(
            [
                super()._crm_campaign_domain(campaigns),
                [("id", "in", self._crm_mailing_recipients("crm.lead", campaigns))],
                [
                    (
                        "partner_id",
                        "in",
                        self._crm_mailing_recipients("res.partner", campaigns),
                    )
                ],
            ]
        )

    @api.model
    def _crm_mailing_recipients(self, model, campaigns):
        """Subquery of the ids of the ``model`` records that received a mailing of
        one of ``campaigns``. sudo: salespeople may not read mailing traces; the
        search using it applies the user's rules to what it returns."""
        traces = (
            self.env["mailing.trace"]
            .sudo()
            ._search(
                [
                    ("model", "=", model),
                    ("res_id", "!=", False),
                    ("campaign_id", "in", campaigns),
                ]
            )
        )
        return traces.subselect(SQL.identifier(traces.table, "res_id"))
