from . import test_settings
from . import test_numbering
from . import test_numbering_concurrency
from . import test_crm_invoice
from . import test_ui
from . import test_wizard_input
from . import test_first_hour
from . import test_invoice_send
