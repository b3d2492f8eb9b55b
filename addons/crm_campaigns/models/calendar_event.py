from odoo import models


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    def unlink(self):
        # The database deletes the meeting's activities (ondelete cascade) without the ORM:
        # their campaign activities are cancelled here. Both links are cleared first: two
        # cascades reaching the same row in one DELETE would trip over each other.
        # sudo: as in mail.activity, only the campaign activities of these meetings.
        self.activity_ids._campaign_activities().write({"state": "cancelled"})
        self.env["crm.campaign.activity"].sudo().search(
            [("calendar_event_id", "in", self.ids)]).write(
            {"calendar_event_id": False, "mail_activity_id": False})
        self.env["crm.campaign.activity"].flush_model()
        return super().unlink()
