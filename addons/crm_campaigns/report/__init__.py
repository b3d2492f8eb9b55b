from . import crm_campaign_report
from . import crm_campaign_attribution_report
