from . import test_complaint_reference
from . import test_jalali_feedback_dates
