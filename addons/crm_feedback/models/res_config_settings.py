# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    feedback_weight_nps = fields.Float(
        "NPS Weight", default=3.0, config_parameter="crm_feedback.weight_nps")
    feedback_weight_csat = fields.Float(
        "CSAT Weight", default=3.0, config_parameter="crm_feedback.weight_csat")
    feedback_weight_ces = fields.Float(
        "CES Weight", default=2.0, config_parameter="crm_feedback.weight_ces")
    feedback_weight_rating = fields.Float(
        "Rating Weight", default=2.0, config_parameter="crm_feedback.weight_rating")
    feedback_weight_sentiment = fields.Float(
        "Sentiment Weight", default=1.0, config_parameter="crm_feedback.weight_sentiment")
    feedback_weight_implicit = fields.Float(
        "Behaviour Weight", default=2.0, config_parameter="crm_feedback.weight_implicit",
        help="Weight of the implicit signal: buying on the customer's usual rhythm (100) or "
             "late (50) or lapsed (0).")
    feedback_half_life_days = fields.Integer(
        "Feedback Half-Life (days)", default=180, config_parameter="crm_feedback.half_life_days",
        help="Feedback this many days old weighs half as much as today's.")
    feedback_trend_days = fields.Integer(
        "Trend Period (days)", default=30, config_parameter="crm_feedback.trend_days",
        help="The trend compares the score with the customer's snapshot this many days ago.")
    feedback_churn_factor = fields.Float(
        "Churn After (x usual gap)", default=2.0, config_parameter="crm_feedback.churn_factor",
        help="A customer with no order within this many times their usual gap between "
             "orders is at high risk of churn.")
    feedback_followup_days = fields.Integer(
        "Follow-up Within (days)", default=2, config_parameter="crm_feedback.followup_days")
    feedback_fatigue_days = fields.Integer(
        "Do Not Ask Again Within (days)", default=30,
        config_parameter="crm_feedback.fatigue_days")
    feedback_fatigue_max = fields.Integer(
        "At Most Surveys a Year", default=4, config_parameter="crm_feedback.fatigue_max")
