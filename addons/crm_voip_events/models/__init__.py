from . import calendar_event
from . import crm_voip_call
