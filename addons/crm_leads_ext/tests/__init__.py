from . import test_settings
from . import test_ui
