from . import crm_note_close
from . import crm_note_reassign
