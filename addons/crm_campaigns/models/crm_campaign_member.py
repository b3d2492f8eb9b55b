from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

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
    last_contact_date = fields.Datetime(
        readonly=True, copy=False,
        help="Last time the campaign reached the member: an activity scheduled for it, a "
             "mailing of the campaign sent to it.")
    campaign_activity_ids = fields.One2many("crm.campaign.activity", "member_id",
                                            "Campaign Activities")

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

    @api.model
    def _mark_contacted(self, source):
        """Members reached by the campaign: their last contact date, and the Contacted
        status for those not further on (responded, converted, opted out stay where they
        are). One UPDATE whatever the number of members.

        `source` is an SQL query giving (member_id, contact_date) rows, several per member
        allowed. The status moves without a tracking message: there may be thousands.
        """
        contacted = self.env.ref("crm_campaigns.member_status_contacted",
                                 raise_if_not_found=False)
        self.env.flush_all()
        rows = self.env.execute_query(SQL("""
            WITH source AS (%(source)s),
            latest AS (SELECT member_id, max(contact_date) AS contact_date
                         FROM source GROUP BY member_id)
            UPDATE crm_campaign_member m
               SET last_contact_date = GREATEST(m.last_contact_date,
                                                latest.contact_date),
                   status_id = CASE
                       WHEN %(contacted)s::int IS NOT NULL
                            AND NOT COALESCE(status.is_response, false)
                            AND NOT COALESCE(status.is_opt_out, false)
                            AND (status.sequence, status.id) < (%(sequence)s, %(contacted)s)
                       THEN %(contacted)s ELSE m.status_id END,
                   write_uid = %(uid)s, write_date = now() AT TIME ZONE 'UTC'
              FROM latest, crm_campaign_member_status status
             WHERE m.id = latest.member_id AND status.id = m.status_id
            RETURNING m.id
        """, source=source, contacted=contacted.id if contacted else None,
            sequence=contacted.sequence if contacted else 0, uid=self.env.uid))
        members = self.browse(row[0] for row in rows)
        self.invalidate_model(["last_contact_date", "status_id", "write_uid", "write_date"])
        return members

    def _set_first_response(self):
        self.filtered(lambda m: not m.first_response_date).write(
            {"first_response_date": fields.Datetime.now()})
