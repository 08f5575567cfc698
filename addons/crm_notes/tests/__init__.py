from . import test_settings
from . import test_crm_note
from . import test_crm_note_reassign
from . import test_crm_note_multicompany
from . import test_ui
from . import test_wizard_input
from . import test_first_hour
from . import test_kanban
