# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError


class SurveyInvite(models.TransientModel):
    """Feedback surveys sent from a lead carry it on the answer, and respect survey fatigue:
    a customer asked recently or often is skipped, and the skip is said."""

    _inherit = "survey.invite"

    def _get_answers_values(self):
        values = super()._get_answers_values()
        if self.env.context.get("feedback_lead_id"):
            values["lead_id"] = self.env.context["feedback_lead_id"]
        return values

    def action_invite(self):
        self.ensure_one()
        if not self.survey_id.feedback_score_type or self.env.context.get("feedback_no_fatigue"):
            return super().action_invite()
        fatigued = self.partner_ids._feedback_fatigued()
        if not fatigued:
            return super().action_invite()
        names = ", ".join(fatigued.mapped("display_name"))
        if fatigued == self.partner_ids and not self.emails:
            raise UserError(self.env._(
                "Recipients: %(names)s were asked for feedback recently or too often this "
                "year (survey fatigue rule in the CRM settings); nobody was asked.",
                names=names))
        for partner in fatigued:
            partner.message_post(body=Markup("<p>%s</p>") % self.env._(
                "Not asked to answer %(survey)s: survey fatigue rule.",
                survey=self.survey_id.title))
        self.partner_ids -= fatigued
        return super().action_invite()
