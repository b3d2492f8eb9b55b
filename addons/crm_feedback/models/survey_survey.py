# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .crm_feedback import SCORE_TYPES


class SurveySurvey(models.Model):
    """A survey whose first scale question measures NPS, CSAT or CES feeds the ledger."""

    _inherit = "survey.survey"

    feedback_score_type = fields.Selection(
        SCORE_TYPES, "Feedback Measure",
        help="Answers of this survey become customer feedback on this scale: the first scale "
             "question gives the value, the first text question the comment.")
