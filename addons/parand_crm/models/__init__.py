from . import l10n_ir_identity_mixin
from . import parand_jalali_period_mixin
from . import res_partner
from . import crm_lead
from . import crm_lead_jalali
from . import res_users
from . import mail_activity
