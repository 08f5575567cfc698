# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Qualification of leads and contacts (Axelor's "Suivi & Marketing" panel and
ONLYOFFICE's contact types and temperatures), shared by leads and partners."""

from odoo import api, fields, models
from odoo.exceptions import UserError

COMPANY_SIZES = [
    ("micro", "1-9 employees"),
    ("small", "10-49 employees"),
    ("medium", "50-249 employees"),
    ("large", "250-4999 employees"),
    ("xlarge", "5000+ employees"),
]


class CrmLeadDepartment(models.Model):
    _name = "crm.lead.department"
    _description = "Contact department"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )

    _sql_constraints = [
        (
            "name_uniq",
            "unique (name, company_id)",
            "This department already exists.",
        ),
    ]


class CrmJobFunction(models.Model):
    _name = "crm.job.function"
    _description = "Job function"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )

    _sql_constraints = [
        (
            "name_uniq",
            "unique (name, company_id)",
            "This job function already exists.",
        ),
    ]


class CrmContactType(models.Model):
    _name = "crm.contact.type"
    _description = "Contact type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )


class CrmTemperature(models.Model):
    _name = "crm.temperature"
    _description = "Temperature"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )


class CrmContactRole(models.Model):
    """Axelor's contact role (CRM → Configuration → Role): what a contact does for
    its company (decision maker, buyer, user…)."""

    _name = "crm.contact.role"
    _description = "Contact role"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share it between companies.",
    )

    _sql_constraints = [
        (
            "name_uniq",
            "unique (name, company_id)",
            "This contact role already exists.",
        ),
    ]


class CrmQualificationMixin(models.AbstractModel):
    """Fields that qualify a lead or a contact. "Do not call" and "Do not email"
    are Odoo's phone and email blacklists seen from the record, not flags of
    their own: ticking them blacklists the record's numbers or email address
    (for every record sharing them, as Odoo's blacklists do)."""

    _name = "crm.qualification.mixin"
    _description = "Lead and contact qualification"

    crm_department_id = fields.Many2one(
        comodel_name="crm.lead.department", string="Department"
    )
    crm_job_function_id = fields.Many2one(
        comodel_name="crm.job.function", string="Job function"
    )
    crm_company_size = fields.Selection(selection=COMPANY_SIZES, string="Company size")
    crm_key_account = fields.Boolean(string="Key account")
    crm_contact_type_id = fields.Many2one(
        comodel_name="crm.contact.type", string="Contact type"
    )
    crm_temperature_id = fields.Many2one(
        comodel_name="crm.temperature", string="Temperature"
    )
    crm_do_not_email = fields.Boolean(
        string="Do not email",
        compute="_compute_crm_do_not_email",
        inverse="_inverse_crm_do_not_email",
        search="_search_crm_do_not_email",
        help="The email address is on Odoo's email blacklist: no mailing reaches it.",
    )
    crm_do_not_call = fields.Boolean(
        string="Do not call",
        compute="_compute_crm_do_not_call",
        inverse="_inverse_crm_do_not_call",
        search="_search_crm_do_not_call",
        help="The phone and mobile numbers are on Odoo's phone blacklist.",
    )
    # the numbers as the phone blacklist stores them (E.164): "Do not call" is then
    # an indexed comparison, in Python and in searches
    crm_phone_sanitized = fields.Char(
        string="Sanitized phone",
        compute="_compute_crm_phone_sanitized",
        store=True,
        index="btree_not_null",
        copy=False,
    )
    crm_mobile_sanitized = fields.Char(
        string="Sanitized mobile",
        compute="_compute_crm_phone_sanitized",
        store=True,
        index="btree_not_null",
        copy=False,
    )

    # email: Odoo's mail.thread.blacklist already knows, on both models
    @api.depends("email_normalized")
    def _compute_crm_do_not_email(self):
        for record in self:
            record.crm_do_not_email = record.is_blacklisted

    def _inverse_crm_do_not_email(self):
        Blacklist = self.env["mail.blacklist"].sudo()
        for record in self:
            if record.crm_do_not_email == record.is_blacklisted:
                continue
            if not record.email_normalized:
                raise UserError(
                    self.env._(
                        "%(record)s has no valid email address to blacklist.",
                        record=record.display_name,
                    )
                )
            message = self.env._("Set from %(record)s", record=record.display_name)
            if record.crm_do_not_email:
                Blacklist._add(record.email_normalized, message=message)
            else:
                Blacklist._remove(record.email_normalized, message=message)
        self.invalidate_recordset(["is_blacklisted"])

    def _search_crm_do_not_email(self, operator, value):
        return [("is_blacklisted", operator, value)]

    # phone: numbers in E.164, as the phone blacklist stores them
    @api.depends("phone", "mobile", "country_id", "company_id")
    def _compute_crm_phone_sanitized(self):
        for record in self:
            record.crm_phone_sanitized = record._crm_sanitize("phone")
            record.crm_mobile_sanitized = record._crm_sanitize("mobile")

    def _crm_sanitize(self, fname):
        value = (self[fname] or "").strip()
        return value and (self._phone_format(fname=fname) or value)

    def _crm_phone_numbers(self):
        self.ensure_one()
        return [
            number
            for number in (self.crm_phone_sanitized, self.crm_mobile_sanitized)
            if number
        ]

    @api.depends("crm_phone_sanitized", "crm_mobile_sanitized")
    def _compute_crm_do_not_call(self):
        numbers = {record: record._crm_phone_numbers() for record in self}
        everything = {n for values in numbers.values() for n in values}
        blacklisted = set(
            self.env["phone.blacklist"]
            .sudo()
            .search([("number", "in", list(everything))])
            .mapped("number")
            if everything
            else []
        )
        for record in self:
            record.crm_do_not_call = bool(blacklisted.intersection(numbers[record]))

    def _inverse_crm_do_not_call(self):
        """Only a change of the box touches the blacklist: the form sends the box on
        every save of a new record, and Odoo never refuses a record for the format
        of its phone number (the blacklist validates numbers strictly)."""
        Blacklist = self.env["phone.blacklist"].sudo()
        everything = {n for record in self for n in record._crm_phone_numbers()}
        listed = set(
            Blacklist.search([("number", "in", list(everything))]).mapped("number")
            if everything
            else []
        )
        for record in self:
            numbers = record._crm_phone_numbers()
            if record.crm_do_not_call == bool(listed.intersection(numbers)):
                continue
            if not numbers:
                if record.crm_do_not_call:
                    raise UserError(
                        self.env._(
                            "%(record)s has no phone number to blacklist.",
                            record=record.display_name,
                        )
                    )
                continue
            message = self.env._("Set from %(record)s", record=record.display_name)
            if record.crm_do_not_call:
                Blacklist._add(numbers, message=message)
            else:
                Blacklist._remove(numbers, message=message)

    def _search_crm_do_not_call(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on “Do not call”."))
        # a list, as Odoo's own filter does, not a subquery: PostgreSQL then reads
        # the two indexes (bitmap OR); "IN (SELECT …)" scans the whole table
        Blacklist = self.env["phone.blacklist"].sudo()
        blacklist = Blacklist.search_fetch([], ["number"]).mapped("number")
        if (operator == "=") == value:
            return [
                "|",
                ("crm_phone_sanitized", "in", blacklist),
                ("crm_mobile_sanitized", "in", blacklist),
            ]
        # NOT IN is unknown (so false) on an empty number: say it
        return [
            "&",
            "|",
            ("crm_phone_sanitized", "=", False),
            ("crm_phone_sanitized", "not in", blacklist),
            "|",
            ("crm_mobile_sanitized", "=", False),
            ("crm_mobile_sanitized", "not in", blacklist),
        ]
