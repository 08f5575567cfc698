# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Duplicate detection on stored, normalised values.

Odoo finds a lead's duplicates one lead at a time (``duplicate_lead_ids``, several
``ilike`` searches per lead) and has no index for a partner name: comparing every
record with every other one that way does not scale. Here each record keeps the
normalised forms of the compared values (case, accents and spaces folded; phones
reduced to their last nine digits, which ignores the country prefix and the
national 0) in indexed columns, so that a full scan is one grouped query."""

import re
import unicodedata

from odoo import api, fields, models, tools
from odoo.tools import SQL

PHONE_KEY_DIGITS = 9
# the fields a user can compare: {key: (label, lead field, partner field)}
DUPLICATE_KEYS = {
    "company": ("Company name", "crm_dup_company", "crm_dup_company"),
    "name": ("Contact name", "crm_dup_name", "crm_dup_name"),
    "email": ("Email", "email_normalized", "email_normalized"),
    "phone": ("Phone", "crm_dup_phone", "crm_dup_phone"),
    "function": ("Job position", "crm_dup_function", "crm_dup_function"),
}


def normalize_text(value):
    """'  Société  GÉNÉRALE ' -> 'societe generale'."""
    if not value:
        return False
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    return text or False


def phone_key(*numbers):
    """The last nine digits of the first number that has them."""
    for number in numbers:
        digits = re.sub(r"\D", "", number or "")
        if len(digits) >= PHONE_KEY_DIGITS:
            return digits[-PHONE_KEY_DIGITS:]
    return False


class CrmDuplicateMixin(models.AbstractModel):
    _name = "crm.duplicate.mixin"
    _description = "Normalised values for duplicate detection"

    # indexed by init(), as (key, id)
    crm_dup_name = fields.Char(
        string="Normalised name",
        compute="_compute_crm_dup_keys",
        store=True,
    )
    crm_dup_company = fields.Char(
        string="Normalised company",
        compute="_compute_crm_dup_keys",
        store=True,
    )
    crm_dup_phone = fields.Char(
        string="Phone key", compute="_compute_crm_dup_keys", store=True
    )
    crm_dup_function = fields.Char(
        string="Normalised job position",
        compute="_compute_crm_dup_keys",
        store=True,
    )

    def init(self):
        res = super().init()
        if self._abstract:
            return res
        # (key, id): a scan grouped on one key is an index-only scan read in key
        # order (no hash table, no sort), and a lookup by key is an index probe.
        # email_normalized too: Odoo's own index on it is a trigram one, for ilike.
        for fname in ("crm_dup_name", "crm_dup_company", "crm_dup_phone"):
            # the single-column index of the first version (index=True)
            self.env.cr.execute(
                SQL(
                    "DROP INDEX IF EXISTS %s",
                    SQL.identifier(f"{self._table}__{fname}_index"),
                )
            )
        for fname in (
            "crm_dup_name",
            "crm_dup_company",
            "crm_dup_phone",
            "email_normalized",
        ):
            tools.create_index(
                self.env.cr,
                f"{self._table}_{fname}_id_idx",
                self._table,
                [fname, "id"],
                where=f"{fname} IS NOT NULL",
            )
        return res

    def _crm_dup_sources(self):
        """(name, company, function) of the record, before normalisation."""
        raise NotImplementedError

    def _compute_crm_dup_keys(self):
        for record in self:
            name, company, function = record._crm_dup_sources()
            record.crm_dup_name = normalize_text(name)
            record.crm_dup_company = normalize_text(company)
            record.crm_dup_function = normalize_text(function)
            record.crm_dup_phone = phone_key(record.phone, record.mobile)

    @api.model
    def _crm_dup_field(self, key):
        label, lead_field, partner_field = DUPLICATE_KEYS[key]
        return lead_field if self._name == "crm.lead" else partner_field

    @api.model
    def _crm_duplicate_groups(self, keys, domain=None, limit=None):
        """Groups of records sharing the normalised values of `keys`: a list of
        (values, records), largest first, in one grouped query that applies the
        user's access rules."""
        fnames = [self._crm_dup_field(key) for key in keys]
        domain = list(domain or []) + [(fname, "!=", False) for fname in fnames]
        groups = self._read_group(
            domain,
            groupby=fnames,
            aggregates=["id:array_agg", "__count"],
            having=[("__count", ">", 1)],
            order="__count DESC",
            limit=limit,
        )
        return [(group[:-2], self.browse(sorted(group[-2]))) for group in groups]
