from . import test_tools_persian
from . import test_tools_mail
from . import test_property_persian
from . import test_tools_report_text
