from . import test_mailing_campaigns
