from odoo import models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def unlink(self):
        # The database deletes the meeting's activities (ondelete cascade) without the ORM:
        # their campaign activities are cancelled here.
        self.activity_ids._campaign_activities().write({"state": "cancelled"})
        return super().unlink()
