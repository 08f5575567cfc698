from . import crm_event_followup
from . import crm_event_recurrence_wizard
from . import crm_event_reassign
from . import crm_event_cancel
from . import crm_event_task_create
from . import crm_event_assign
