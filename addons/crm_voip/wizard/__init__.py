from . import crm_voip_number_search
from . import crm_voip_number_link
