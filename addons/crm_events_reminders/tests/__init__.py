from . import test_settings
from . import test_event
from . import test_reminder
from . import test_ui
