from odoo import api, fields, models
from odoo.exceptions import ValidationError

TARGET_TYPES = [("company", "Company"), ("person", "Person"), ("lead", "Lead")]


class CrmCampaignMember(models.Model):
    """A company, person or lead targeted by a campaign, and how far it went with it."""

    _name = "crm.campaign.member"
    _description = "Campaign Member"
    _inherit = ["mail.thread"]
    _order = "campaign_id, id"
    _rec_name = "display_target"

    campaign_id = fields.Many2one("utm.campaign", required=True, index=True,
                                  ondelete="cascade")
    company_id = fields.Many2one(related="campaign_id.company_id", store=True, index=True)
    partner_id = fields.Many2one("res.partner", "Contact", index="btree_not_null",
                                 ondelete="cascade")
    lead_id = fields.Many2one("crm.lead", index="btree_not_null", ondelete="cascade")
    target_type = fields.Selection(TARGET_TYPES, compute="_compute_target_type", store=True)
    display_target = fields.Char("Member", compute="_compute_display_target")
    user_id = fields.Many2one("res.users", "Salesperson", compute="_compute_user_id",
                              store=True, index=True)
    status_id = fields.Many2one(
        "crm.campaign.member.status", required=True, tracking=True,
        default=lambda self: self.env["crm.campaign.member.status"].search([], limit=1),
        group_expand="_read_group_status_ids")
    is_response = fields.Boolean(related="status_id.is_response", store=True)
    first_response_date = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        ("partner_unique", "UNIQUE(campaign_id, partner_id)",
         "This contact is already a member of the campaign."),
        ("lead_unique", "UNIQUE(campaign_id, lead_id)",
         "This lead is already a member of the campaign."),
    ]

    @api.depends("partner_id.is_company", "lead_id")
    def _compute_target_type(self):
        for member in self:
            if member.lead_id:
                member.target_type = "lead"
            else:
                member.target_type = "company" if member.partner_id.is_company else "person"

    @api.depends("partner_id", "lead_id")
    def _compute_display_target(self):
        for member in self:
            member.display_target = (member.partner_id or member.lead_id).display_name

    @api.depends("partner_id.user_id", "lead_id.user_id")
    def _compute_user_id(self):
        for member in self:
            member.user_id = member.lead_id.user_id or member.partner_id.user_id

    @api.model
    def _read_group_status_ids(self, statuses, domain):
        # Every status is a kanban column, even an empty one: a handful of records.
        return statuses.search([])  # pylint: disable=no-search-all

    # campaign_id too: it is in every create, so that a member with neither is refused.
    @api.constrains("campaign_id", "partner_id", "lead_id")
    def _check_target(self):
        for member in self:
            if bool(member.partner_id) == bool(member.lead_id):
                raise ValidationError(self.env._(
                    "Member: choose a contact or a lead (one of them) for campaign %(campaign)s.",
                    campaign=member.campaign_id.display_name))

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members.filtered("is_response")._set_first_response()
        return members

    def write(self, vals):
        result = super().write(vals)
        if "status_id" in vals:
            self.filtered(lambda m: m.is_response and not m.first_response_date) \
                ._set_first_response()
        return result

    def _set_first_response(self):
        self.filtered(lambda m: not m.first_response_date).write(
            {"first_response_date": fields.Datetime.now()})
