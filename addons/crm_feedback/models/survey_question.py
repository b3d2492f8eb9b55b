# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.addons.parand_base.tools.persian import reader_number


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    def _scale_value_label(self, value):
        """The number shown on a scale question's button, as its respondent reads it:
        Persian digits on a Persian page (the NPS 0-10 buttons). The value posted stays
        the number."""
        return reader_number(value, self.env.lang)
