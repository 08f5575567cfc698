from . import crm_lead
from . import project_project
from . import project_task
from . import res_config_settings
from . import res_partner
