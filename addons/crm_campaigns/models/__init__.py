from . import crm_campaign_member_status
from . import crm_campaign_member
from . import crm_marketing_list
from . import utm_campaign
from . import crm_campaign_activity
from . import crm_campaign_touch
from . import mail_activity
from . import res_config_settings
