from . import crm_marketing_list_import
