from . import test_crm_report
from . import test_ui
