from . import crm_complaint_report
from . import crm_complaint_review
