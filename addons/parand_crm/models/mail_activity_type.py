from odoo import models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    def _get_date_deadline(self):
        """A planned deadline never falls on a weekend or a holiday of the company's
        working calendar: it moves to the next working day."""
        deadline = super()._get_date_deadline()
        calendar = self.env.company.resource_calendar_id
        if not (self.delay_count and calendar):
            return deadline
        return calendar._next_working_day(deadline)
