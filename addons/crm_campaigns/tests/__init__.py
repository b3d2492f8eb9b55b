from . import test_campaign_results
from . import test_marketing_lists
from . import test_tools_results
from . import test_campaign_feedback
from . import test_campaign_summary_report
from . import test_campaign_analysis
from . import test_list_import
from . import test_tools_list_import
