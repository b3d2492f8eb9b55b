from . import l10n_ir_identity_mixin
from . import res_partner
from . import crm_lead
from . import res_users
