from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL


class CrmCampaignActivitySchedule(models.TransientModel):
    """Schedule one activity for every member of a campaign (or the members chosen)."""

    _name = "crm.campaign.activity.schedule"
    _description = "Schedule Campaign Activities"

    campaign_id = fields.Many2one("utm.campaign", required=True, ondelete="cascade")
    currency_id = fields.Many2one(related="campaign_id.currency_id")
    member_ids = fields.Many2many(
        "crm.campaign.member",
        help="Members chosen in the list; empty: every member of the campaign.")
    status_ids = fields.Many2many(
        "crm.campaign.member.status", string="Member Statuses",
        help="Only the members in these statuses; empty: any status.")
    activity_type_id = fields.Many2one(
        "mail.activity.type", required=True,
        domain="[('res_model', 'in', (False, 'crm.lead', 'res.partner'))]",
        default=lambda self: self.env.ref("mail.mail_activity_data_call",
                                          raise_if_not_found=False))
    summary = fields.Char()
    note = fields.Html()
    date_deadline = fields.Date("Due Date", required=True,
                                default=fields.Date.context_today)
    responsible = fields.Selection(
        [("user", "A given user"), ("salesperson", "Each member's salesperson")],
        "Assign To", default="user", required=True,
        help="Each member's salesperson: the member's own salesperson, or the given user "
             "when it has none.")
    user_id = fields.Many2one("res.users", "Responsible", default=lambda self: self.env.user,
                              domain="[('share', '=', False)]")
    cost = fields.Monetary("Cost per Activity", currency_field="currency_id")
    member_count = fields.Integer("Members to Reach", compute="_compute_member_count")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "crm.campaign.member" and context.get("active_ids"):
            members = self.env["crm.campaign.member"].browse(context["active_ids"])
            if len(members.campaign_id) > 1:
                raise UserError(self.env._(
                    "Members: choose members of one campaign to schedule its activities."))
            values.update(campaign_id=members.campaign_id.id,
                          member_ids=[fields.Command.set(members.ids)])
        elif context.get("active_model") == "utm.campaign" and context.get("active_id"):
            values["campaign_id"] = context["active_id"]
        return values

    @api.depends("campaign_id", "member_ids", "status_ids")
    def _compute_member_count(self):
        for wizard in self:
            wizard.member_count = self.env["crm.campaign.member"].search_count(
                wizard._members_domain()) if wizard.campaign_id else 0

    def _members_domain(self):
        domain = [("campaign_id", "=", self.campaign_id.id),
                  ("status_id.is_opt_out", "=", False)]
        if self.member_ids:
            domain.append(("id", "in", self.member_ids.ids))
        if self.status_ids:
            domain.append(("status_id", "in", self.status_ids.ids))
        return domain

    @api.constrains("cost")
    def _check_cost(self):
        for wizard in self:
            if wizard.cost < 0:
                raise ValidationError(self.env._("Cost per Activity cannot be negative."))

    def action_schedule(self):
        """Create the activities and their campaign records, two creates of a list, and
        mark the members contacted in one UPDATE."""
        self.ensure_one()
        if self.responsible == "user" and not self.user_id:
            raise UserError(self.env._("Responsible: choose the user who does the activities."))
        members = self.env["crm.campaign.member"].search(self._members_domain())
        if not members:
            raise UserError(self.env._(
                "Members: campaign %(campaign)s has no member to reach with these statuses "
                "(opted-out members are never scheduled).", campaign=self.campaign_id.title))
        model_ids = {name: self.env["ir.model"]._get_id(name)
                     for name in ("crm.lead", "res.partner")}
        activity_values, campaign_values = [], []
        for member in members:
            document = member.lead_id or member.partner_id
            user = (member.user_id if self.responsible == "salesperson" else False) \
                or self.user_id or self.env.user
            common = {"activity_type_id": self.activity_type_id.id,
                      "summary": self.summary or self.activity_type_id.summary or False,
                      "date_deadline": self.date_deadline, "user_id": user.id}
            activity_values.append({**common, "res_model_id": model_ids[document._name],
                                    "res_id": document.id, "note": self.note})
            campaign_values.append({**common, "campaign_id": self.campaign_id.id,
                                    "member_id": member.id, "lead_id": member.lead_id.id,
                                    "partner_id": member.partner_id.id, "cost": self.cost})
        # mail.activity computes its document name browsing each document alone: reading
        # the names of all the documents first makes that a cache hit, not a query each.
        members.partner_id.mapped("display_name")
        members.lead_id.mapped("display_name")
        # quick update: the assignees are not emailed once per member; the activities show
        # in their activity menu.
        activities = self.env["mail.activity"].with_context(
            mail_activity_quick_update=True).create(activity_values)
        for values, activity in zip(campaign_values, activities, strict=True):
            values["mail_activity_id"] = activity.id
        self.env["crm.campaign.activity"].create(campaign_values)
        members._mark_contacted(SQL(
            "SELECT unnest(%s::int[]) AS member_id, now() AT TIME ZONE 'UTC' AS contact_date",
            members.ids))
        return self.campaign_id.action_view_activities()
