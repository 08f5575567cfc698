# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from .crm_duplicate import normalize_text
from .status_duration import status_durations

# public mailbox providers: sharing one of these domains links nobody
MAIL_PROVIDERS = {
    "gmail.com",
    "googlemail.com",
    "hotmail.com",
    "hotmail.fr",
    "outlook.com",
    "outlook.fr",
    "live.com",
    "live.fr",
    "msn.com",
    "yahoo.com",
    "yahoo.fr",
    "icloud.com",
    "me.com",
    "aol.com",
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "sfr.fr",
    "laposte.net",
    "gmx.com",
    "gmx.fr",
    "proton.me",
    "protonmail.com",
    "example.com",
}

PARTNER_TYPES = [
    ("prospect", "Prospect"),
    ("customer", "Customer"),
    ("supplier", "Supplier"),
    ("internal", "Internal"),
    ("factor", "Factor"),
]
ROLE_WRITE = "crm_leads_ext_role_status"
# set once a contact is shared with chosen companies (see _crm_sharing_used)
SHARING_USED_PARAM = "crm_leads_ext.partner_sharing_used"


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = [
        "res.partner",
        "crm.qualification.mixin",
        "crm.duplicate.mixin",
        "crm.access.mixin",
    ]

    crm_allowed_user_ids = fields.Many2many(relation="res_partner_crm_allowed_user_rel")

    crm_shared_company_ids = fields.Many2many(
        comodel_name="res.company",
        relation="res_partner_crm_shared_company_rel",
        column1="partner_id",
        column2="company_id",
        string="Shared with",
        help="Companies that see and use this contact besides its own company. "
        "A contact without company is already shared with every company.",
    )
    crm_contact_role_id = fields.Many2one(
        comodel_name="crm.contact.role",
        string="Contact role",
        index="btree_not_null",
        help="What this contact does for its company (Axelor's role).",
    )
    crm_partner_type = fields.Selection(
        selection=PARTNER_TYPES,
        string="Partner type",
        tracking=True,
        index=True,
        help="Axelor's partner type: a converted lead's partner is a Prospect until "
        "it is won, then a Customer.",
    )
    prospect_status_id = fields.Many2one(
        comodel_name="crm.lead.status",
        string="Prospect status",
        tracking=True,
        index=True,
        copy=False,
        ondelete="restrict",
        domain="[('scope', '=', 'prospect'),"
        " ('company_id', 'in', [company_id, False])]",
    )
    prospect_status_duration = fields.Json(
        string="Time in prospect statuses", compute="_compute_prospect_status_duration"
    )
    crm_score = fields.Selection(
        selection=[(str(n), str(n)) for n in range(6)],
        string="Scoring",
        help="The lead scoring, carried over when the lead is converted.",
    )

    @api.depends("prospect_status_id")
    def _compute_prospect_status_duration(self):
        durations = status_durations(self, "prospect_status_id")
        for partner in self:
            partner.prospect_status_duration = durations.get(partner._origin.id, {})

    def init(self):
        res = super().init()
        # databases where contacts were shared before the flag existed
        self.env.cr.execute("SELECT 1 FROM res_partner_crm_shared_company_rel LIMIT 1")
        if self.env.cr.fetchone():
            self._crm_mark_sharing_used()
        return res

    @api.model
    def _crm_sharing_used(self):
        """Whether a contact was ever shared with chosen companies (cached, no query):
        until then Odoo's company check is left exactly as it is."""
        return bool(
            self.env["ir.config_parameter"].sudo().get_param(SHARING_USED_PARAM)
        )

    def _crm_mark_sharing_used(self):
        if not self._crm_sharing_used():
            self.env["ir.config_parameter"].sudo().set_param(SHARING_USED_PARAM, "1")

    def _check_company_domain(self, companies):
        """A contact shared with a company may be used on that company's records."""
        domain = super()._check_company_domain(companies)
        if not self._crm_sharing_used():
            return domain
        if isinstance(companies, str):  # an expression evaluated by the web client
            return ["|", ("crm_shared_company_ids", "in", companies), *domain]
        company_ids = [cid for cid in models.to_company_ids(companies) if cid]
        if not company_ids:
            return domain
        return expression.OR([domain, [("crm_shared_company_ids", "in", company_ids)]])

    def _crm_company(self):
        return self.company_id or self.env.company

    @api.depends("name", "commercial_company_name", "function", "phone", "mobile")
    def _compute_crm_dup_keys(self):
        return super()._compute_crm_dup_keys()

    def _crm_dup_sources(self):
        company = self.commercial_company_name if self.parent_id else False
        return (
            self.name,
            company or (self.name if self.is_company else False),
            (self.function),
        )

    crm_email_domain = fields.Char(
        string="Email domain",
        compute="_compute_crm_email_domain",
        store=True,
        index=True,
    )
    crm_linked_partner_count = fields.Integer(
        string="Linked contacts", compute="_compute_crm_linked_partner_count"
    )

    @api.depends("email_normalized")
    def _compute_crm_email_domain(self):
        for partner in self:
            domain = (partner.email_normalized or "").rpartition("@")[2]
            partner.crm_email_domain = (
                domain if domain and domain not in MAIL_PROVIDERS else False
            )

    def _compute_crm_linked_partner_count(self):
        domains = {p.crm_email_domain for p in self if p.crm_email_domain}
        counts = (
            dict(
                self._read_group(
                    [("crm_email_domain", "in", list(domains))],
                    ["crm_email_domain"],
                    ["__count"],
                )
            )
            if domains
            else {}
        )
        for partner in self:
            count = counts.get(partner.crm_email_domain, 0)
            partner.crm_linked_partner_count = max(count - 1, 0)

    def action_view_crm_linked_partners(self):
        """ONLYOFFICE: the contacts sharing this contact's email domain."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contacts @%(domain)s", domain=self.crm_email_domain),
            "res_model": "res.partner",
            "view_mode": "list,kanban,form",
            "domain": [
                ("crm_email_domain", "=", self.crm_email_domain),
                ("id", "!=", self.id),
            ],
        }

    @api.onchange("name")
    def _onchange_name_crm_duplicate(self):
        """Axelor: a non-blocking warning when a contact with this name exists."""
        key = normalize_text(self.name)
        if not key:
            return None
        domain = [("crm_dup_name", "=", key)]
        if self._origin.id:
            domain.append(("id", "!=", self._origin.id))
        if not self.search_count(domain, limit=1):
            return None
        return {
            "warning": {
                "title": self.env._("Possible duplicate"),
                "message": self.env._(
                    "There is already a contact with this name (%(name)s).",
                    name=self.name,
                ),
                "type": "notification",
            }
        }

    # ------------------------------------------------------------------
    # Prospect statuses
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        if any(vals.get("crm_shared_company_ids") for vals in vals_list) and (
            partners.crm_shared_company_ids
        ):
            partners._crm_mark_sharing_used()
        if not self.env.context.get(ROLE_WRITE):
            partners.filtered("prospect_status_id")._check_prospect_status_role()
        partners._set_default_prospect_status()
        return partners

    def write(self, vals):
        if vals.get("crm_shared_company_ids"):
            self._crm_mark_sharing_used()
        if "prospect_status_id" in vals and not self.env.context.get(ROLE_WRITE):
            status = self.env["crm.lead.status"].browse(vals["prospect_status_id"])
            won = self.filtered(
                lambda p: status
                and p._crm_company()._crm_status("prospect", "won") == status
            )
            res = super().write(vals)
            self._check_prospect_status_role()
            if won:
                # Axelor: a won prospect becomes a customer
                super(ResPartner, won).write({"crm_partner_type": "customer"})
        else:
            res = super().write(vals)
        if vals.get("crm_partner_type") == "prospect":
            self._set_default_prospect_status()
        return res

    def _set_default_prospect_status(self):
        prospects = self.filtered(
            lambda p: p.crm_partner_type == "prospect" and not p.prospect_status_id
        )
        by_status = prospects.grouped(
            lambda p: p._crm_company()._crm_status("prospect", "new")
        )
        for status, partners in by_status.items():
            if status:
                partners.with_context(**{ROLE_WRITE: True}).write(
                    {"prospect_status_id": status.id}
                )

    def _check_prospect_status_role(self):
        """Only a prospect is won or lost."""
        for partner in self:
            company = partner._crm_company()
            closing = company._crm_status("prospect", "won") | company._crm_status(
                "prospect", "lost"
            )
            if (
                partner.prospect_status_id in closing
                and partner.crm_partner_type != "prospect"
            ):
                raise UserError(
                    self.env._(
                        "%(partner)s is not a prospect: only a prospect can be set "
                        "to “%(status)s”.",
                        partner=partner.display_name,
                        status=partner.prospect_status_id.name,
                    )
                )
