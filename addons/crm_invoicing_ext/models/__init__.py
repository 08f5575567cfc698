from . import account_journal
from . import account_move
from . import crm_lead
from . import res_partner
from . import res_config_settings
from . import account_move_send
