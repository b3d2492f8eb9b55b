from . import (
    crm_complaint,
    crm_complaint_category,
    crm_complaint_promise,
    crm_complaint_report,
    crm_complaint_review,
    crm_complaint_root_cause,
    crm_complaint_submission,
    crm_complaint_survey,
)
