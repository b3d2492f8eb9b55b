from . import crm_complaint
