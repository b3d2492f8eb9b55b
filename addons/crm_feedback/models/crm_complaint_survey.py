# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SurveyUserInput(models.Model):
    """A survey answer sent about the handling of a complaint (satisfaction with handling)."""

    _inherit = "survey.user_input"

    complaint_id = fields.Many2one("crm.complaint", index="btree_not_null", ondelete="set null")

    def _mark_done(self):
        result = super()._mark_done()
        for answer in self.filtered("complaint_id"):
            scores = [line.value_scale for line in answer.user_input_line_ids
                      if line.answer_type == "scale" and not line.skipped]
            if scores:
                # sudo: the customer answering (public or portal) cannot write complaints.
                answer.complaint_id.sudo()._record_satisfaction(scores[0])
        return result
