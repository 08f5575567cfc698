from . import test_settings
from . import test_signature
from . import test_security
from . import test_identification
from . import test_webhooks
from . import test_twilio_api
from . import test_scenarios
from . import test_ui
