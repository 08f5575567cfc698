# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class Lead2OpportunityPartner(models.TransientModel):
    """Axelor's conversion: a company (new or existing) and a contact (none, new or
    existing) separately, then an opportunity or not. Odoo's own conversion does
    the rest (salesperson, team, merge), with the customer chosen here."""

    _inherit = "crm.lead2opportunity.partner"

    crm_company_action = fields.Selection(
        selection=[("create", "Create a new company"), ("exist", "Select a company")],
        string="Company",
        compute="_compute_crm_company_action",
        readonly=False,
        store=True,
    )
    crm_company_id = fields.Many2one(
        comodel_name="res.partner",
        string="Existing company",
        domain="[('is_company', '=', True)]",
    )
    crm_contact_action = fields.Selection(
        selection=[
            ("none", "No contact"),
            ("create", "Create a new contact"),
            ("exist", "Select a contact"),
        ],
        string="Contact",
        compute="_compute_crm_contact_action",
        readonly=False,
        store=True,
    )
    crm_contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Existing contact",
        domain="[('is_company', '=', False)]",
    )
    crm_generate_opportunity = fields.Boolean(
        string="Generate an opportunity", default=True
    )
    crm_prospect_status_id = fields.Many2one(
        comodel_name="crm.lead.status",
        string="Prospect status",
        compute="_compute_crm_prospect_status_id",
        readonly=False,
        store=True,
        domain="[('scope', '=', 'prospect'), ('is_closed', '=', False),"
        " ('company_id', 'in', [company_id, False])]",
        help="The status of the prospect (the customer's company) after conversion.",
    )
    company_id = fields.Many2one(related="lead_id.company_id", string="Lead company")

    @api.depends("lead_id")
    def _compute_crm_prospect_status_id(self):
        for wizard in self:
            company = wizard.lead_id.company_id or self.env.company
            wizard.crm_prospect_status_id = company._crm_status("prospect", "new")

    @api.depends("lead_id")
    def _compute_crm_company_action(self):
        for wizard in self:
            wizard.crm_company_action = (
                "create" if wizard.lead_id.partner_name else "exist"
            )

    @api.depends("lead_id")
    def _compute_crm_contact_action(self):
        for wizard in self:
            wizard.crm_contact_action = (
                "create" if wizard.lead_id.contact_name else "none"
            )

    def _crm_customer(self, lead):
        """The company and contact chosen in the wizard, created when asked."""
        Partner = self.env["res.partner"]
        if self.crm_company_action == "exist":
            company = self.crm_company_id
        else:
            if not (lead.partner_name or lead.name):
                raise UserError(
                    self.env._("Give the lead a company name to create it.")
                )
            company = Partner.create(
                lead._prepare_customer_values(
                    lead.partner_name or lead.name, is_company=True
                )
            )
        if self.crm_contact_action == "exist":
            contact = self.crm_contact_id
            if company and not contact.parent_id:
                contact.parent_id = company  # the contact works for that company
        elif self.crm_contact_action == "create":
            if not lead.contact_name:
                raise UserError(
                    self.env._("Give the lead a contact name to create it.")
                )
            contact = Partner.create(
                lead._prepare_customer_values(lead.contact_name, parent_id=company.id)
            )
        else:
            contact = Partner
        return contact or company

    def _crm_make_prospect(self, customer):
        """Axelor: the converted lead's partner is a Prospect (unless it is already
        something else), with the lead's scoring and the chosen prospect status."""
        prospect = customer.commercial_partner_id
        if not prospect:
            return
        vals = {}
        if not prospect.crm_partner_type:
            vals["crm_partner_type"] = "prospect"
            if self.crm_prospect_status_id:
                vals["prospect_status_id"] = self.crm_prospect_status_id.id
        if self.lead_id.crm_score not in (False, "0") and not prospect.crm_score:
            vals["crm_score"] = self.lead_id.crm_score
        vals.update(self.lead_id._crm_prospect_values(prospect))
        if vals:
            prospect.write(vals)

    def action_apply(self):
        self.ensure_one()
        if self.name != "convert":
            return super().action_apply()
        customer = self._crm_customer(self.lead_id)
        self._crm_make_prospect(customer)
        if not self.crm_generate_opportunity:
            self.lead_id.partner_id = customer
            self.lead_id._set_role_status("converted")
            return self.lead_id.redirect_lead_opportunity_view()
        self.write(
            {"action": "exist" if customer else "nothing", "partner_id": customer.id}
        )
        return super().action_apply()
