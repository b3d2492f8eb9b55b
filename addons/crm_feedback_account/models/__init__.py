from . import crm_feedback_implicit
