from . import test_campaign_results
from . import test_marketing_lists
from . import test_tools_results
from . import test_campaign_activities
from . import test_mailing_attribution
from . import test_tools_attribution
