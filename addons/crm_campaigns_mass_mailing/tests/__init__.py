from . import test_mailing_attribution
from . import test_mailing_security
