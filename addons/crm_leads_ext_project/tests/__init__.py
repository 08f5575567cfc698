from . import test_project_from_opportunity
from . import test_ui
