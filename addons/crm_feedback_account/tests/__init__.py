from . import test_feedback_returns
