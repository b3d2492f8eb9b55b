from . import test_complaint_lifecycle
from . import test_complaint_portal
from . import test_complaint_promise
from . import test_complaint_report
from . import test_complaint_security
