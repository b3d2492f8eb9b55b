# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestFeedbackSurveyPortalPage(HttpCase):
    """A portal customer lists and answers their own feedback survey invitations only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_a = new_test_user(cls.env, "fbp_a", password="fbp_a_pw",
                                   groups="base.group_portal", name="Nima Ahmadi")
        cls.user_b = new_test_user(cls.env, "fbp_b", password="fbp_b_pw",
                                   groups="base.group_portal", name="Leila Rostami")
        cls.survey = cls.env.ref("crm_feedback.survey_feedback_nps")
        cls.question = cls.survey.question_ids.filtered(
            lambda question: question.question_type == "scale")
        cls.invitation_a = cls.survey._create_answer(partner=cls.user_a.partner_id,
                                                     check_attempts=False)
        cls.answered_a = cls.env.ref("crm_feedback.survey_feedback_csat")._create_answer(
            partner=cls.user_a.partner_id, check_attempts=False)
        cls.answered_a.state = "done"

    def _start_url(self, token=None):
        url = f"/survey/start/{self.survey.access_token}"
        return f"{url}?answer_token={token}" if token else url

    def _submit(self, token, value):
        """Begin and submit the one-page survey through its token, as the survey page does."""
        page = self.url_open(self._start_url(token))
        csrf = re.search(r'csrf_token.+?value="([a-f0-9]{40}o[0-9]*)"', page.text)
        base = f"{self.survey.get_base_url()}/survey"
        self.opener.post(url=f"{base}/begin/{self.survey.access_token}/{token}", json={})
        return self.opener.post(url=f"{base}/submit/{self.survey.access_token}/{token}", json={
            "params": {str(self.question.id): str(value), "token": token,
                       "csrf_token": csrf and csrf.group(1), "button_submit": "next"}}).json()

    def test_owner_lists_opens_and_answers(self):
        self.authenticate("fbp_a", "fbp_a_pw")
        home = self.url_open("/my/home")
        self.assertIn("/my/feedback-surveys", home.text)
        listing = self.url_open("/my/feedback-surveys")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.invitation_a.get_start_url(), listing.text)
        # Answered invitations are not pending any more.
        self.assertNotIn(self.answered_a.access_token, listing.text)
        page = self.url_open(self.invitation_a.get_start_url())
        self.assertIn(f'data-answer-token="{self.invitation_a.access_token}"', page.text)
        self._submit(self.invitation_a.access_token, 9)
        self.assertEqual(self.invitation_a.state, "done")
        feedback = self.env["crm.feedback"].search([("survey_input_id", "=",
                                                     self.invitation_a.id)])
        self.assertEqual((feedback.partner_id, feedback.value),
                         (self.user_a.partner_id, 9))
        listing = self.url_open("/my/feedback-surveys")
        self.assertNotIn(self.invitation_a.access_token, listing.text)

    @mute_logger("odoo.http")
    def test_other_customer_can_neither_list_nor_answer(self):
        self.authenticate("fbp_b", "fbp_b_pw")
        listing = self.url_open("/my/feedback-surveys")
        self.assertEqual(listing.status_code, 200)
        self.assertNotIn(self.invitation_a.access_token, listing.text)
        # Without a token, with a wrong one or even with A's: no survey form for B.
        for token in (None, "wrong-token", self.invitation_a.access_token):
            page = self.url_open(self._start_url(token))
            self.assertNotIn("data-answer-token", page.text, token)
        self._submit(self.invitation_a.access_token, 0)
        self._submit("wrong-token", 0)
        self.assertEqual(self.invitation_a.state, "new")
        self.assertFalse(self.env["crm.feedback"].search([
            ("partner_id", "in", (self.user_a + self.user_b).partner_id.ids)]))
