from . import crm_complaint_category
from . import crm_complaint_root_cause
from . import crm_complaint_promise
from . import crm_complaint
from . import crm_complaint_report
from . import crm_complaint_review
from . import crm_complaint_submission
from . import crm_complaint_survey
