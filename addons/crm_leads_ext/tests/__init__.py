from . import test_settings
from . import test_lead_status
from . import test_shared_prospects
from . import test_convert
from . import test_opportunity_status
from . import test_qualification
from . import test_ui
from . import test_catalogue
