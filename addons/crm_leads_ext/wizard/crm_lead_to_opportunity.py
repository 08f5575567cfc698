# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import parse_contact_from_email


class Lead2OpportunityPartner(models.TransientModel):
    """Axelor's conversion: a company (new or existing) and a contact (none, new or
    existing) separately, then an opportunity or not. Odoo's own conversion does
    the rest (salesperson, team, merge), with the customer chosen here."""

    _inherit = "crm.lead2opportunity.partner"

    crm_company_action = fields.Selection(
        selection=[
            ("none", "No company"),
            ("create", "Create a new company"),
            ("exist", "Select a company"),
        ],
        string="Company",
        compute="_compute_crm_customer_choice",
        readonly=False,
        store=True,
    )
    crm_company_id = fields.Many2one(
        comodel_name="res.partner",
        string="Existing company",
        domain="[('is_company', '=', True)]",
        compute="_compute_crm_customer_choice",
        readonly=False,
        store=True,
    )
    crm_contact_action = fields.Selection(
        selection=[
            ("none", "No contact"),
            ("create", "Create a new contact"),
            ("exist", "Select a contact"),
        ],
        string="Contact",
        compute="_compute_crm_customer_choice",
        readonly=False,
        store=True,
    )
    crm_contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Existing contact",
        domain="[('is_company', '=', False)]",
        compute="_compute_crm_customer_choice",
        readonly=False,
        store=True,
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

    @api.depends("lead_id", "action", "partner_id")
    def _compute_crm_customer_choice(self):
        """Odoo's own choice (the matching customer, or a new one made from the lead)
        shown as a company and a contact: left untouched, the conversion is Odoo's."""
        for wizard in self:
            wizard.update(wizard._crm_default_choice())

    def _crm_default_choice(self):
        self.ensure_one()
        lead = self.lead_id
        partner = self.partner_id if self.action == "exist" else self.env["res.partner"]
        if partner.is_company:
            company_action, contact_action = "exist", "none"
            company, contact = partner, False
        elif partner:
            company = partner.parent_id.commercial_partner_id
            company_action = "exist" if company else "none"
            contact_action, contact = "exist", partner
        elif self.action == "create":
            company_action = "create" if lead.partner_name else "none"
            contact_action = "create" if self._crm_contact_name(lead) else "none"
            if company_action == contact_action == "none":
                contact_action = "create"  # Odoo names the contact after the lead
            company = contact = False
        else:
            company_action, contact_action = "none", "none"
            company = contact = False
        return {
            "crm_company_action": company_action,
            "crm_company_id": company and company.id,
            "crm_contact_action": contact_action,
            "crm_contact_id": contact and contact.id,
        }

    def _crm_choice_changed(self):
        """Whether the salesperson changed Odoo's own choice of customer."""
        default = self._crm_default_choice()
        return any(
            (self[fname].id if fname.endswith("_id") else self[fname])
            != (default[fname] or False)
            for fname in default
        )

    @staticmethod
    def _crm_contact_name(lead):
        """The contact's name as Odoo's conversion takes it."""
        return lead.contact_name or (
            lead.email_from and parse_contact_from_email(lead.email_from)[0]
        )

    def _crm_check_customer_choice(self, lead):
        """Refuse an incomplete choice before anything is created or linked."""
        if self.crm_company_action == "exist" and not self.crm_company_id:
            raise UserError(self.env._("Select the company, or choose “No company”."))
        if self.crm_company_action == "create" and not (lead.partner_name or lead.name):
            raise UserError(self.env._("Give the lead a company name to create it."))
        if self.crm_contact_action == "exist" and not self.crm_contact_id:
            raise UserError(self.env._("Select the contact, or choose “No contact”."))
        if self.crm_contact_action == "create" and not (
            self._crm_contact_name(lead)
            or (self.crm_company_action == "none" and lead.name)
        ):
            raise UserError(self.env._("Give the lead a contact name to create it."))

    def _crm_customer(self, lead):
        """The company and contact chosen in the wizard, created when asked."""
        self._crm_check_customer_choice(lead)
        Partner = self.env["res.partner"]
        if self.crm_company_action == "none":
            company = Partner
        elif self.crm_company_action == "exist":
            company = self.crm_company_id
        else:
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
            name = self._crm_contact_name(lead) or (not company and lead.name)
            contact = Partner.create(
                lead._prepare_customer_values(name, parent_id=company.id)
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
        # Odoo's mass conversion (crm.lead2opportunity.partner.mass) inherits this
        # wizard and ends here too: it finds or creates a customer for each lead
        # itself, so the single lead's company/contact choice must not apply to it.
        if self.name != "convert" or self._name != "crm.lead2opportunity.partner":
            return super().action_apply()
        if not self.env.user.has_group(
            "crm_leads_ext.group_crm_convert_company_contact"
        ):
            return super().action_apply()  # switched off: Odoo's own wizard
        if not self._crm_choice_changed():
            if self.crm_generate_opportunity:
                # Odoo's own conversion, customer included
                res = super().action_apply()
                self._crm_make_prospect(self.lead_id.partner_id)
                return res
            if self.action != "nothing":
                self.lead_id._handle_partner_assignment(
                    force_partner_id=self.partner_id.id,
                    create_missing=self.action == "create",
                )
            customer = self.lead_id.partner_id
        else:
            customer = self._crm_customer(self.lead_id)
        self._crm_make_prospect(customer)
        if not self.crm_generate_opportunity:
            self.lead_id.partner_id = customer
            self.lead_id._set_role_status("converted")
            ctx = self.env.context
            if (
                ctx.get("active_model") == "crm.lead"
                and ctx.get("active_id") == self.lead_id.id
            ):
                # opened from the lead's own form (a dialog): the lead stays a lead,
                # closing the dialog reloads that form in place instead of pushing
                # a second breadcrumb onto it
                return {"type": "ir.actions.act_window_close"}
            return self.lead_id.redirect_lead_opportunity_view()
        self.write(
            {"action": "exist" if customer else "nothing", "partner_id": customer.id}
        )
        return super().action_apply()
