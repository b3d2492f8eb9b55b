# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class CrmComplaint(models.Model):
    _inherit = "crm.complaint"

    def _format_date_for_partner(self, value, partner=None):
        """Parand CRM's calendar of the reader: Jalali dates for a Jalali reader (in mails
        and on the portal), Odoo's formatting for the others."""
        return (partner or self.partner_id)._format_date_for_reader(value)
