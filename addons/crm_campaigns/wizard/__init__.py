from . import crm_campaign_activity_schedule
