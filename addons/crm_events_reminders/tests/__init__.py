from . import test_settings
from . import test_event
from . import test_reminder
from . import test_followup_recurrence
from . import test_notifications
from . import test_ui
from . import test_internal_events
from . import test_reminder_log_access
