from . import crm_feedback_scoring
