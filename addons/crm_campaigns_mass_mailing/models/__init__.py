from . import crm_campaign_touch
from . import utm_campaign
