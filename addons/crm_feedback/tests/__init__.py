from . import (
    test_complaint_lifecycle,
    test_complaint_portal,
    test_complaint_promise,
    test_complaint_report,
    test_complaint_security,
)
