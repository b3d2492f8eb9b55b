from . import crm_feedback_log
from . import survey_invite
