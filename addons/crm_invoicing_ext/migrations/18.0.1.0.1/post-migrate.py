# Copyright 2026 CRM Practices contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    """Invoices reversed by credit notes read Paid before 18.0.1.0.1: Rejected now,
    with the credit notes that reverse them."""
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Move = env["account.move"].with_context(active_test=False)
    reversed_moves = Move.search([("payment_state", "=", "reversed")])
    moves = reversed_moves | reversed_moves.reversal_move_ids
    env.add_to_compute(Move._fields["crm_state"], moves)
    moves.flush_recordset(["crm_state"])
