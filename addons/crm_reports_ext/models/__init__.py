from . import crm_report
from . import crm_report_line
