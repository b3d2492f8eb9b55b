# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFeedbackLedger(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = cls.env["res.users"].create({
            "name": "Reza Salesman", "login": "fb_reza", "email": "reza@example.ir",
            "groups_id": [(6, 0, [cls.env.ref("sales_team.group_sale_salesman").id])]})
        cls.partner = cls.env["res.partner"].create({
            "name": "Sara Karimi", "email": "sara@example.ir", "user_id": cls.salesman.id})
        cls.Feedback = cls.env["crm.feedback"]

    def _feedback(self, **vals):
        return self.Feedback.create(dict({"partner_id": self.partner.id, "channel": "phone"},
                                         **vals))

    def test_values_are_validated_per_scale(self):
        for score_type, value in (("nps", 11), ("csat", 0), ("ces", 8), ("rating", 6),
                                  ("nps", -1)):
            with self.assertRaisesRegex(ValidationError, "Value"), self.env.cr.savepoint():
                self._feedback(score_type=score_type, value=value)
        with self.assertRaisesRegex(ValidationError, "Customer"), self.env.cr.savepoint():
            self.Feedback.create({"channel": "phone", "score_type": "nps", "value": 5})
        feedback = self._feedback(score_type="nps", value=0)
        self.assertEqual((feedback.score, feedback.nps_category), (0, "detractor"))
        with self.assertRaisesRegex(ValidationError, "Value"):
            feedback.value = 12

    def test_score_normalized_and_sentiment(self):
        self.assertEqual(self._feedback(score_type="csat", value=4).score, 75)
        self.assertEqual(self._feedback(score_type="ces", value=1).score, 100)
        promoter = self._feedback(score_type="nps", value=9, comment="خیلی عالی بود، ممنون")
        self.assertEqual(promoter.nps_category, "promoter")
        self.assertEqual(promoter.sentiment_label, "positive")
        self.assertGreater(promoter.sentiment, 0)
        self.assertEqual(promoter.commercial_partner_id, self.partner)
        self.assertEqual(promoter.user_id, self.salesman, "the account's salesperson")
        free_text = self._feedback(comment="Delivery was late, very bad")
        self.assertFalse(free_text.score_type)
        self.assertEqual(free_text.sentiment_label, "negative")

    def test_follow_up_after_its_deadline_is_late(self):
        on_time = self._feedback(score_type="nps", value=2)
        overdue = self._feedback(score_type="csat", value=1)
        overdue.followup_deadline = "2020-01-01"
        (on_time | overdue)._mark_followed_up()
        self.assertEqual((on_time.followup_state, overdue.followup_state), ("done", "late"))
        self.assertTrue(on_time.followup_date and overdue.followup_date)

    def test_detractor_gets_a_follow_up_and_closing_it_counts(self):
        detractor = self._feedback(score_type="nps", value=3)
        self.assertEqual(detractor.followup_state, "pending")
        activity = detractor.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertTrue(detractor.followup_deadline)
        happy = self._feedback(score_type="nps", value=10)
        self.assertEqual(happy.followup_state, "none")
        self.assertFalse(happy.activity_ids)
        activity.action_feedback(feedback="Called back, replaced the part")
        self.assertEqual(detractor.followup_state, "done")
        metrics = self.Feedback.get_metrics([("partner_id", "=", self.partner.id)])
        self.assertEqual(metrics["loop_closure_rate"], 100)

    def test_overdue_follow_up_escalates_to_the_team_leader_once(self):
        leader = self.env["res.users"].create({"name": "Leader", "login": "fb_leader"})
        team = self.env["crm.team"].create({"name": "Tehran", "user_id": leader.id})
        detractor = self._feedback(score_type="nps", value=2, team_id=team.id)
        detractor.followup_deadline = fields.Date.subtract(fields.Date.today(), days=1)
        self.assertEqual(self.Feedback._cron_escalate_followups(), 1)
        self.assertIn(leader, detractor.activity_ids.user_id)
        self.assertEqual(self.Feedback._cron_escalate_followups(), 0, "idempotent")
        self.assertEqual(len(detractor.activity_ids), 2)

    def test_complaint_is_feedback_on_the_ledger(self):
        complaint = self.env["crm.complaint"].create({
            "partner_id": self.partner.id, "subject": "کالای معیوب",
            "description": "دستگاه خراب تحویل شد", "channel": "phone"})
        feedback = complaint.feedback_ids
        self.assertEqual(len(feedback), 1)
        self.assertEqual((feedback.kind, feedback.channel), ("explicit", "complaint"))
        self.assertEqual(feedback.sentiment_label, "negative")
        other = self.env["res.partner"].create({"name": "Other"})
        complaint.write({"partner_id": other.id, "subject": "Late"})
        self.assertEqual(len(complaint.feedback_ids), 1, "synced, never duplicated")
        self.assertEqual(complaint.feedback_ids.partner_id, other)

    def test_satisfaction_with_complaint_handling_is_csat_feedback(self):
        complaint = self.env["crm.complaint"].create({
            "partner_id": self.partner.id, "subject": "Late", "description": "Late",
            "channel": "email"})
        survey = self.env.ref("crm_feedback.survey_complaint_satisfaction")
        answer = survey._create_answer(partner=self.partner, check_attempts=False,
                                       complaint_id=complaint.id)
        answer._save_lines(survey.question_ids[:1], "2")
        answer._mark_done()
        self.assertEqual(complaint.satisfaction_score, 2)
        csat = complaint.feedback_ids.filtered(lambda f: f.score_type == "csat")
        self.assertEqual((csat.value, csat.channel), (2, "survey"))
        self.assertEqual(csat.followup_state, "pending", "low CSAT asks for a call back")

    def _answer(self, survey, value, comment=None, invite_token=None, lead=None):
        extra = {"invite_token": invite_token} if invite_token else {}
        if lead:
            extra["lead_id"] = lead.id
        answer = survey._create_answer(partner=self.partner, check_attempts=False, **extra)
        questions = survey.question_ids.sorted("sequence")
        answer._save_lines(questions[0], str(value))
        if comment:
            answer._save_lines(questions[1], comment)
        answer._mark_done()
        return answer

    def test_survey_answers_become_feedback_once_per_invitation(self):
        survey = self.env.ref("crm_feedback.survey_feedback_nps")
        lead = self.env["crm.lead"].create({"name": "Deal", "partner_id": self.partner.id,
                                            "type": "opportunity"})
        first = self._answer(survey, 6, "پاسخگویی کند بود", lead=lead)
        feedback = self.Feedback.search([("survey_input_id", "=", first.id)])
        self.assertEqual((feedback.score_type, feedback.value, feedback.channel),
                         ("nps", 6, "survey"))
        self.assertEqual(feedback.lead_id, lead)
        self.assertEqual(feedback.comment, "پاسخگویی کند بود")
        self.assertEqual(lead.feedback_count, 1)
        # A second attempt through the same invitation replaces the first answer.
        self._answer(survey, 9, invite_token=first.invite_token)
        feedback = self.Feedback.search([("partner_id", "=", self.partner.id),
                                         ("channel", "=", "survey")])
        self.assertEqual(len(feedback), 1)
        self.assertEqual(feedback.value, 9)
        # A CES answer on another survey is a separate record on its scale.
        self._answer(self.env.ref("crm_feedback.survey_feedback_ces"), 2)
        self.assertEqual(self.Feedback.search_count([("score_type", "=", "ces")]), 1)

    def test_survey_answer_without_partner_is_refused(self):
        survey = self.env.ref("crm_feedback.survey_feedback_csat")
        answer = survey._create_answer(email="anon@example.ir", check_attempts=False)
        answer._save_lines(survey.question_ids.sorted("sequence")[0], "4")
        with self.assertRaisesRegex(UserError, "Customer"):
            answer._mark_done()

    def test_rating_of_a_lead_is_feedback(self):
        lead = self.env["crm.lead"].create({"name": "Deal", "partner_id": self.partner.id})
        rating = self.env["rating.rating"].create({
            "res_model_id": self.env["ir.model"]._get_id("crm.lead"), "res_id": lead.id,
            "partner_id": self.partner.id, "rating": 5, "consumed": True,
            "feedback": "Great, thanks"})
        feedback = self.Feedback.search([("rating_id", "=", rating.id)])
        self.assertEqual((feedback.score_type, feedback.value, feedback.lead_id),
                         ("rating", 5, lead))
        rating.rating = 1
        self.assertEqual(self.Feedback.search([("rating_id", "=", rating.id)]).value, 1)
        self.assertEqual(self.Feedback.search_count([("rating_id", "=", rating.id)]), 1)

    def test_lost_reason_is_implicit_feedback_recomputed_not_duplicated(self):
        lead = self.env["crm.lead"].create({"name": "Deal", "partner_id": self.partner.id,
                                            "type": "opportunity"})
        reason = self.env["crm.lost.reason"].create({"name": "Too expensive"})
        lead.action_set_lost(lost_reason_id=reason.id)
        lost = self.Feedback.search([("lead_id", "=", lead.id), ("channel", "=", "lost_reason")])
        self.assertEqual((lost.kind, lost.comment), ("implicit", "Too expensive"))
        lead.lost_reason_id = self.env["crm.lost.reason"].create({"name": "No budget"})
        lost = self.Feedback.search([("lead_id", "=", lead.id), ("channel", "=", "lost_reason")])
        self.assertEqual((len(lost), lost.comment), (1, "No budget"))
        lead.action_unarchive()
        self.assertFalse(self.Feedback.search([("lead_id", "=", lead.id),
                                               ("channel", "=", "lost_reason")]))

    def test_completed_activity_outcome_is_contact_history(self):
        lead = self.env["crm.lead"].create({"name": "Deal", "partner_id": self.partner.id})
        activity = lead.activity_schedule("mail.mail_activity_data_call",
                                          user_id=self.salesman.id)
        activity.action_feedback(feedback="مشتری از قیمت ناراضی بود")
        history = self.Feedback.search([("lead_id", "=", lead.id)])
        self.assertEqual((history.kind, history.channel, history.sentiment_label),
                         ("implicit", "phone", "negative"))

    def test_staff_logs_feedback_from_the_partner(self):
        action = self.partner.with_user(self.salesman).action_log_feedback()
        wizard = self.env["crm.feedback.log"].with_user(self.salesman).with_context(
            **action["context"]).create({"channel": "meeting", "score_type": "csat", "value": 5,
                                       "comment": "Happy with the installation"})
        result = wizard.action_log()
        feedback = self.Feedback.browse(result["res_id"])
        self.assertEqual((feedback.partner_id, feedback.channel, feedback.value,
                          feedback.user_id), (self.partner, "meeting", 5, self.salesman))
        self.assertEqual(self.partner.feedback_count, 1)
        wizard = self.env["crm.feedback.log"].create({
            "partner_id": self.partner.id, "channel": "phone", "score_type": "csat",
            "value": 9})
        with self.assertRaisesRegex(ValidationError, "Value"):
            wizard.action_log()


@tagged("post_install", "-at_install")
class TestSurveyFatigue(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey = cls.env.ref("crm_feedback.survey_feedback_nps")
        cls.asked, cls.fresh = cls.env["res.partner"].create([
            {"name": "Asked Last Week", "email": "asked@example.ir"},
            {"name": "Never Asked", "email": "fresh@example.ir"},
        ])
        cls.env.user.email = "admin@example.ir"
        cls.survey._create_answer(partner=cls.asked, check_attempts=False)

    def _invite(self, partners, lead=None):
        action = partners[:1]._action_send_feedback_survey(lead=lead)
        context = dict(action["context"], default_partner_ids=partners.ids)
        return self.env["survey.invite"].with_context(**context).create({})

    def test_recently_asked_customers_are_skipped_and_told(self):
        self.assertEqual((self.asked | self.fresh)._feedback_fatigued(), self.asked)
        lead = self.env["crm.lead"].create({"name": "Deal", "partner_id": self.fresh.id})
        self._invite(self.asked | self.fresh, lead=lead).action_invite()
        answers = self.survey.user_input_ids
        self.assertEqual(answers.filtered(lambda a: a.partner_id == self.fresh).lead_id, lead)
        self.assertEqual(len(answers.filtered(lambda a: a.partner_id == self.asked)), 1,
                         "not asked again")
        self.assertIn("survey fatigue", self.asked.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "Recipients"):
            self._invite(self.asked).action_invite()

    def test_at_most_m_times_a_year(self):
        Param = self.env["ir.config_parameter"]
        Param.set_param("crm_feedback.fatigue_days", 0)
        later = fields.Datetime.add(fields.Datetime.now(), minutes=1)
        self.assertFalse(self.asked._feedback_fatigued(now=later))
        Param.set_param("crm_feedback.fatigue_max", 1)
        self.assertEqual(self.asked._feedback_fatigued(now=later), self.asked)
