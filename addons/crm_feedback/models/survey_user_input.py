# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError


class SurveyUserInput(models.Model):
    """A survey answer about the handling of a complaint, or a feedback survey's answer."""

    _inherit = "survey.user_input"

    complaint_id = fields.Many2one("crm.complaint", index="btree_not_null", ondelete="set null")
    lead_id = fields.Many2one("crm.lead", "Lead/Opportunity", index="btree_not_null",
                              ondelete="set null")

    def _mark_done(self):
        result = super()._mark_done()
        for answer in self.filtered("complaint_id"):
            scores = [line.value_scale for line in answer.user_input_line_ids
                      if line.answer_type == "scale" and not line.skipped]
            if scores:
                # sudo: the customer answering (public or portal) cannot write complaints.
                answer.complaint_id.sudo()._record_satisfaction(scores[0])
        self.filtered(lambda a: a.survey_id.feedback_score_type and not a.test_entry)\
            ._create_feedback()
        return result

    def _portal_day(self, value, viewer):
        """The day of `value` (a naive UTC datetime) as `viewer`, the user reading the
        portal page, reads it: in their time zone, written by the complaint's date hook
        (the Jalali calendar for a Jalali reader when Parand CRM is installed)."""
        if not value:
            return ""
        reader = viewer.partner_id
        tz = pytz.timezone(reader.tz or viewer.tz or "UTC")
        day = pytz.utc.localize(value).astimezone(tz).date()
        return self.env["crm.complaint"]._format_date_for_partner(day, reader)

    @api.model
    def _feedback_pending_for(self, partner, count=False, limit=None, offset=0):
        """The feedback survey invitations `partner` has not answered yet and still can:
        survey active, no test entry, deadline not passed. Read as superuser because
        customers have no access to survey answers; the domain keeps them to their own."""
        domain = [("partner_id", "=", partner.id), ("state", "!=", "done"),
                  ("test_entry", "=", False), ("survey_id.active", "=", True),
                  ("survey_id.feedback_score_type", "!=", False),
                  "|", ("deadline", "=", False), ("deadline", ">", fields.Datetime.now())]
        answers = self.sudo()
        if count:
            return answers.search_count(domain)
        return answers.search(domain, order="create_date desc, id desc", limit=limit,
                              offset=offset)

    def _feedback_key(self):
        """One invitation, one feedback: a new attempt through the same invitation token
        replaces the earlier answer."""
        self.ensure_one()
        return f"survey:{self.survey_id.id}:{self.invite_token or self.access_token}"

    def _create_feedback(self):
        vals_list = []
        for answer in self:
            if not answer.partner_id:
                raise UserError(self.env._(
                    "Customer: the answer to feedback survey %(survey)s has no customer; send "
                    "the survey to a contact so that the answer is theirs.",
                    survey=answer.survey_id.title))
            lines = answer.user_input_line_ids.filtered(lambda line: not line.skipped)
            scale = lines.filtered(lambda line: line.answer_type == "scale")[:1]
            if not scale:
                continue
            text = lines.filtered(lambda line: line.answer_type in ("text_box", "char_box"))[:1]
            vals_list.append({
                "source_key": answer._feedback_key(),
                "survey_input_id": answer.id,
                "partner_id": answer.partner_id.id,
                "lead_id": answer.lead_id.id,
                "campaign_id": answer.lead_id.campaign_id.id,
                "complaint_id": answer.complaint_id.id,
                "kind": "explicit",
                "channel": "survey",
                "score_type": answer.survey_id.feedback_score_type,
                "value": scale.value_scale,
                "comment": text.value_text_box or text.value_char_box or False,
                "date": answer.end_datetime or fields.Datetime.now(),
            })
        if vals_list:
            # sudo: the customer answering (public or portal user) cannot write feedback.
            self.env["crm.feedback"].sudo()._upsert(vals_list)
