from odoo import models
from odoo.addons.parand_crm.tools.validators import national_code_error


class CrmMarketingListImport(models.Model):
    _inherit = "crm.marketing.list.import"

    def _national_code_checker(self):
        return national_code_error

    def _partner_vals(self, values, companies):
        vals = super()._partner_vals(values, companies)
        if values["national_code"]:
            vals["l10n_ir_national_code"] = values["national_code"]
        return vals
