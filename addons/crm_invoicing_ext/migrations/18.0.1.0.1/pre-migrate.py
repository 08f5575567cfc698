# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools.sql import column_exists, create_column


def migrate(cr, version):
    """crm_reversal_of_id copies reversed_entry_id: one UPDATE instead of the ORM
    computing the new column for every journal entry."""
    if not version or column_exists(cr, "account_move", "crm_reversal_of_id"):
        return
    create_column(cr, "account_move", "crm_reversal_of_id", "int4")
    cr.execute(
        "UPDATE account_move SET crm_reversal_of_id = reversed_entry_id"
        " WHERE reversed_entry_id IS NOT NULL"
    )
