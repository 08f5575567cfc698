from . import crm_lead_to_opportunity
from . import crm_lead_close_siblings
from . import crm_catalogue_send
from . import crm_duplicate_check
from . import crm_merge_opportunity
