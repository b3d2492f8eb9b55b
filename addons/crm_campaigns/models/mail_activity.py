from odoo import fields, models


class MailActivity(models.Model):
    """Keep the campaign activity of a scheduled activity up to date: Odoo deletes (or
    archives) the activity once done, and deletes it when it is cancelled."""

    _inherit = "mail.activity"

    def _campaign_activities(self):
        # sudo: the assignee marking an activity done may not see the campaign record; only
        # the state and the date of the campaign activity of this very activity are written.
        return self.env["crm.campaign.activity"].sudo().search([
            ("mail_activity_id", "in", self.ids), ("state", "=", "planned")])

    def _action_done(self, feedback=False, attachment_ids=None):
        self._campaign_activities().write({
            "state": "done", "date_done": fields.Date.context_today(self)})
        return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)

    def write(self, vals):
        result = super().write(vals)
        # A meeting planned in the calendar, a deadline moved, another responsible: the
        # campaign activity follows (same sudo reason as above).
        synced = {key: vals[key] for key in ("date_deadline", "user_id", "summary",
                                             "calendar_event_id") if key in vals}
        if synced:
            self._campaign_activities().write(synced)
        return result

    def unlink(self):
        self._campaign_activities().write({"state": "cancelled"})
        return super().unlink()
