from . import test_call_events
