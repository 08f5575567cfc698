# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Axelor's "Marketing campaign" tab (G4): the campaigns (Odoo's ``utm.campaign``) a
lead or a contact took part in, read from Odoo's own UTM data. Nothing is stored:
each source is one query for the whole recordset, and bridges add their sources
(``crm_leads_ext_mass_mailing``: the mailings received) by extending the two hooks
``_crm_campaign_map`` (what the tab shows) and ``_crm_campaign_domain`` (what the
"Marketing campaign" search finds)."""

from collections import defaultdict

from odoo import api, fields, models
from odoo.osv import expression
from odoo.tools import SQL


def _campaign_leaf(env, operator, value):
    """The campaigns a search leaf on ``crm_campaign_ids`` names, as a query, and
    whether the records must have one of them (True) or none (False)."""
    Campaign = env["utm.campaign"].with_context(active_test=False)
    if value is False or value is None:
        # ("crm_campaign_ids", "=", False): no campaign at all; "!=": any campaign
        return operator not in ("=", "in"), Campaign._search([])
    if operator in ("any", "not any"):
        # a domain on the campaigns
        return operator == "any", Campaign._search(value)
    positive = operator not in expression.NEGATIVE_TERM_OPERATORS
    if not positive:
        operator = expression.TERM_OPERATORS_NEGATION[operator]
    values = value if isinstance(value, list | tuple) else [value]
    if values and all(isinstance(v, str) for v in values):
        # typed in the search bar: the campaign's name
        return positive, Campaign._search([("title", operator, value)])
    ids = [v for v in values if isinstance(v, int)]
    return positive, Campaign._search([("id", "in", ids)])


class CrmLead(models.Model):
    _inherit = "crm.lead"

    crm_campaign_ids = fields.Many2many(
        comodel_name="utm.campaign",
        string="Marketing campaigns",
        compute="_compute_crm_campaign_ids",
        search="_search_crm_campaign_ids",
        help="The marketing campaigns this lead or its contact took part in: the "
        "lead's campaign and, with Email Marketing, the campaigns of the mailings "
        "they received.",
    )

    @api.depends("campaign_id", "partner_id")
    def _compute_crm_campaign_ids(self):
        found = self._crm_campaign_map()
        Campaign = self.env["utm.campaign"]
        for lead in self:
            lead.crm_campaign_ids = Campaign.browse(sorted(found[lead.id]))

    def _search_crm_campaign_ids(self, operator, value):
        positive, campaigns = _campaign_leaf(self.env, operator, value)
        domain = expression.normalize_domain(self._crm_campaign_domain(campaigns))
        return domain if positive else ["!", *domain]

    def _crm_campaign_map(self):
        """Campaign ids per lead id of ``self``, each source read once for the whole
        recordset. Here the lead's own campaign (Odoo's UTM field); bridges add
        their sources."""
        found = defaultdict(set)
        for lead in self:
            if lead.campaign_id:
                found[lead.id].add(lead.campaign_id.id)
        return found

    @api.model
    def _crm_campaign_domain(self, campaigns):
        """The leads that took part in one of ``campaigns`` (a query or ids): one
        domain per source, OR-ed; bridges OR theirs to this one."""
        return [("campaign_id", "in", campaigns)]


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_campaign_ids = fields.Many2many(
        comodel_name="utm.campaign",
        string="Marketing campaigns",
        compute="_compute_crm_campaign_ids",
        search="_search_crm_campaign_ids",
        help="The marketing campaigns this contact, or a contact of this company, "
        "took part in: the campaigns of their leads and opportunities (active or "
        "not) and, with Email Marketing, of the mailings they received.",
    )

    @api.depends_context("uid")
    def _compute_crm_campaign_ids(self):
        """Like Odoo's opportunity count on contacts: a company sums its contacts,
        archived records included."""
        Campaign = self.env["utm.campaign"]
        origins = self._origin.filtered("id")
        family = self.browse()
        if origins:
            family = self.with_context(active_test=False).search_fetch(
                [("id", "child_of", origins.ids)], ["parent_id"]
            )
        direct = family._crm_campaign_map()
        wanted = set(origins.ids)
        in_family = set(family.ids)
        found = defaultdict(set)
        for partner in family:
            campaigns = direct.get(partner.id)
            node = partner
            while campaigns and node and node.id in in_family:
                if node.id in wanted:
                    found[node.id] |= campaigns
                node = node.parent_id
        for partner in self:
            partner.crm_campaign_ids = Campaign.browse(
                sorted(found[partner._origin.id])
            )

    def _search_crm_campaign_ids(self, operator, value):
        positive, campaigns = _campaign_leaf(self.env, operator, value)
        direct = self._crm_campaign_domain(campaigns)
        # the contacts themselves and their companies (parent_of). sudo: only
        # their ids are read here, the search that uses them applies the user's
        # rules to the contacts it returns
        partners = self.sudo().with_context(active_test=False).search(direct)
        domain = [("id", "parent_of", partners.ids)]
        return domain if positive else ["!", *domain]

    def _crm_campaign_map(self):
        """Campaign ids per partner id of ``self``, from the partner's own records
        (its leads and opportunities, active or not, that the user may read);
        bridges add their sources. Children are summed by the compute."""
        found = defaultdict(set)
        Lead = self.env["crm.lead"].with_context(active_test=False)
        if not self.ids or not Lead.has_access("read"):
            return found
        leads = Lead.search_fetch(
            [("partner_id", "in", self.ids)], ["partner_id", "campaign_id"]
        )
        per_lead = leads._crm_campaign_map()
        for lead in leads:
            found[lead.partner_id.id] |= per_lead[lead.id]
        return found

    @api.model
    def _crm_campaign_domain(self, campaigns):
        """The contacts (not their companies) that took part in one of
        ``campaigns``: partners of the leads found by the leads' own domain, which
        the user may read; bridges OR their sources to this one."""
        Lead = self.env["crm.lead"].with_context(active_test=False)
        if not Lead.has_access("read"):
            return expression.FALSE_DOMAIN
        leads = Lead._search(
            expression.AND(
                [Lead._crm_campaign_domain(campaigns), [("partner_id", "!=", False)]]
            )
        )
        return [
            ("id", "in", leads.subselect(SQL.identifier(leads.table, "partner_id")))
        ]
