from . import test_campaign_feedback
