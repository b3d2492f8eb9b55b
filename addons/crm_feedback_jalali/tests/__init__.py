from . import test_complaint_reference
