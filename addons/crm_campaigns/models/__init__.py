from . import crm_campaign_member_status
from . import crm_campaign_member
from . import crm_marketing_list
from . import utm_campaign
