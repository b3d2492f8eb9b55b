# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class ComplaintReviewReport(models.AbstractModel):
    _inherit = "report.crm_feedback.report_complaint_review"

    @api.model
    def _month_context(self):
        """The printing user's calendar, when the call does not bring one (a report printed
        from a link or a scheduled action): Parand CRM groups by Jalali months with it."""
        return {**super()._month_context(),
                "date_calendar": self.env.context.get("date_calendar")
                or self.env.user.date_calendar}
