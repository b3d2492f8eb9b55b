# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .res_partner import CHURN_RISKS, RFM_SEGMENTS


class CrmFeedbackSnapshot(models.Model):
    """A customer's satisfaction score and segments on a day, written by the score cron, so
    that a graph shows them over time and the trend compares with an earlier period."""

    _name = "crm.feedback.snapshot"
    _description = "Customer Satisfaction Snapshot"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one("res.partner", "Customer", required=True, index=True,
                                 ondelete="cascade", readonly=True)
    date = fields.Date(required=True, readonly=True, index=True)
    satisfaction_score = fields.Float(readonly=True, aggregator="avg")
    churn_risk = fields.Selection(CHURN_RISKS, readonly=True)
    rfm_segment = fields.Selection(RFM_SEGMENTS, "RFM Segment", readonly=True)
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")

    _sql_constraints = [
        ("partner_date_uniq", "unique(partner_id, date)",
         "A customer has one satisfaction snapshot a day."),
    ]
