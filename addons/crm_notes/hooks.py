# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tools.sql import column_exists, create_column


def pre_init_hook(env):
    """Create res_partner.crm_note_status_id before the ORM does.

    No note exists at install, so every partner's status is empty: creating the
    column here spares Odoo computing the new stored field partner by partner.
    """
    if not column_exists(env.cr, "res_partner", "crm_note_status_id"):
        create_column(env.cr, "res_partner", "crm_note_status_id", "int4")
