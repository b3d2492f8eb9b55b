# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..models.crm_feedback import CHANNELS, SCORE_TYPES

# Channels staff log feedback from (the others are derived or come from the customer).
STAFF_CHANNELS = ("phone", "email", "meeting", "walk_in", "website", "return", "other")


class CrmFeedbackLog(models.TransientModel):
    """Feedback a salesperson heard from the customer, logged after a call or a meeting."""

    _name = "crm.feedback.log"
    _description = "Log Customer Feedback"

    partner_id = fields.Many2one("res.partner", "Customer", required=True)
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity")
    channel = fields.Selection([c for c in CHANNELS if c[0] in STAFF_CHANNELS],
                               required=True, default="phone")
    score_type = fields.Selection(SCORE_TYPES, "Scale")
    value = fields.Integer()
    comment = fields.Text()
    date = fields.Datetime(required=True, default=fields.Datetime.now)

    @api.model
    def _action_open(self, partner, lead=None):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log Feedback"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": partner.id,
                        "default_lead_id": lead.id if lead else False},
        }

    def action_log(self):
        self.ensure_one()
        feedback = self.env["crm.feedback"].create({
            "partner_id": self.partner_id.id,
            "lead_id": self.lead_id.id,
            "campaign_id": self.lead_id.campaign_id.id,
            "user_id": self.env.user.id,
            "kind": "explicit",
            "channel": self.channel,
            "score_type": self.score_type,
            "value": self.value,
            "comment": self.comment,
            "date": self.date,
        })
        return {"type": "ir.actions.act_window", "res_model": "crm.feedback",
                "res_id": feedback.id, "view_mode": "form", "target": "current"}
