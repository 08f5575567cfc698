from . import account_move_crm_state
