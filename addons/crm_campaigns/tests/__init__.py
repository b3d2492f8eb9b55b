from . import test_campaign_results
from . import test_marketing_lists
from . import test_tools_results
