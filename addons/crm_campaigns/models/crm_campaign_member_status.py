from odoo import fields, models


class CrmCampaignMemberStatus(models.Model):
    """Where a member stands in a campaign; each status says whether it is a response."""

    _name = "crm.campaign.member.status"
    _description = "Campaign Member Status"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    is_response = fields.Boolean(
        "Counts as Response",
        help="Members in this status responded to the campaign: they count in its response "
             "rate, and their first response date is set.")
    is_opt_out = fields.Boolean(
        "Opted Out", help="Members in this status asked not to be contacted by the campaign.")
    fold = fields.Boolean("Folded in Kanban")
    active = fields.Boolean(default=True)
