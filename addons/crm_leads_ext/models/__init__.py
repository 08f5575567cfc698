from . import crm_lead_status
from . import crm_qualification
from . import crm_duplicate
from . import crm_catalogue
from . import res_company
from . import res_config_settings
from . import res_partner
from . import crm_lead
