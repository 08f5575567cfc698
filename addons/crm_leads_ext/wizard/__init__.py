from . import crm_lead_to_opportunity
from . import crm_lead_close_siblings
from . import crm_catalogue_send
