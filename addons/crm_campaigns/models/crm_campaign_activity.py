from odoo import api, fields, models
from odoo.exceptions import ValidationError

ACTIVITY_STATES = [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")]


class CrmCampaignActivity(models.Model):
    """A call, meeting, task, email or letter made for a campaign, and what it cost.

    Odoo deletes (or archives) a mail.activity once it is done: this record outlives it, so
    that the campaign keeps its cost, its state and the date it was done.
    """

    _name = "crm.campaign.activity"
    _description = "Campaign Activity"
    _order = "date_deadline desc, id desc"
    _rec_name = "summary"

    campaign_id = fields.Many2one("utm.campaign", required=True, index=True,
                                  ondelete="cascade")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="campaign_id.currency_id")
    member_id = fields.Many2one("crm.campaign.member", index="btree_not_null",
                                ondelete="set null",
                                domain="[('campaign_id', '=', campaign_id)]")
    lead_id = fields.Many2one("crm.lead", index="btree_not_null", ondelete="set null")
    partner_id = fields.Many2one("res.partner", "Contact", index="btree_not_null",
                                 ondelete="set null")
    activity_type_id = fields.Many2one("mail.activity.type", required=True,
                                       ondelete="restrict")
    summary = fields.Char()
    date_deadline = fields.Date("Due Date", required=True, default=fields.Date.context_today)
    user_id = fields.Many2one("res.users", "Responsible", index=True,
                              default=lambda self: self.env.user)
    cost = fields.Monetary(currency_field="currency_id")
    state = fields.Selection(ACTIVITY_STATES, default="planned", required=True, index=True)
    date_done = fields.Date("Done On", readonly=True, copy=False)
    # crm depends on calendar: meetings planned from the activity keep their event here.
    calendar_event_id = fields.Many2one("calendar.event", "Meeting", readonly=True,
                                        index="btree_not_null", ondelete="set null",
                                        copy=False)
    mail_activity_id = fields.Many2one("mail.activity", "Scheduled Activity", readonly=True,
                                       index="btree_not_null", ondelete="set null", copy=False)

    @api.constrains("cost")
    def _check_cost(self):
        for activity in self:
            if activity.cost < 0:
                raise ValidationError(self.env._(
                    "Cost of activity %(activity)s of campaign %(campaign)s cannot be "
                    "negative.", activity=activity.summary or activity.activity_type_id.name,
                    campaign=activity.campaign_id.title))

    @api.depends("summary", "activity_type_id")
    def _compute_display_name(self):
        for activity in self:
            activity.display_name = activity.summary or activity.activity_type_id.name

    def action_mark_done(self):
        """Done by hand (or the scheduled activity is done): keeps the date it was done."""
        planned = self.filtered(lambda a: a.state == "planned")
        live = planned.mail_activity_id
        planned.write({"state": "done", "date_done": fields.Date.context_today(self)})
        if live:
            live.action_feedback()
        return True

    def action_cancel(self):
        planned = self.filtered(lambda a: a.state == "planned")
        live = planned.mail_activity_id
        planned.write({"state": "cancelled"})
        live.unlink()
        return True

    def action_reset_to_planned(self):
        self.filtered(lambda a: a.state == "cancelled").write({"state": "planned"})
        return True
