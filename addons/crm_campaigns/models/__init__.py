from . import crm_campaign_member_status
from . import crm_campaign_member
from . import crm_marketing_list
from . import utm_campaign
from . import crm_marketing_list_import
from . import crm_marketing_list_import_rejection
