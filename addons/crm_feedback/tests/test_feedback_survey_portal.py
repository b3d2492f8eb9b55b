# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import lxml.html

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestFeedbackSurveyPortal(HttpCase):
    """Portal customers answer their own feedback survey invitations only: the survey module
    checks the invitation's token and, for a signed-in customer, that it is theirs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alice = new_test_user(cls.env, "fb_alice", password="fb_alice_pw",
                                  groups="base.group_portal")
        cls.bob = new_test_user(cls.env, "fb_bob", password="fb_bob_pw",
                                groups="base.group_portal")
        cls.survey = cls.env.ref("crm_feedback.survey_feedback_nps")
        cls.question = cls.env.ref("crm_feedback.survey_feedback_nps_q1")
        cls.invitation = cls.survey.sudo()._create_answer(partner=cls.alice.partner_id)
        cls.bob_invitation = cls.survey.sudo()._create_answer(partner=cls.bob.partner_id)

    def _open(self, token=None):
        url = f"/survey/start/{self.survey.access_token}"
        if token:
            url += f"?answer_token={token}"
        return self.url_open(url)

    def _submit(self, token):
        return self.make_jsonrpc_request(
            f"/survey/submit/{self.survey.access_token}/{token}",
            {str(self.question.id): "3"})

    def _feedback(self, partner):
        return self.env["crm.feedback"].search([("partner_id", "=", partner.id),
                                                ("channel", "=", "survey")])

    def test_owner_opens_and_answers_own_invitation(self):
        self.authenticate("fb_alice", "fb_alice_pw")
        page = self._open(self.invitation.access_token)
        self.assertEqual(page.status_code, 200)
        self.assertIn("o_survey_form", page.text)
        self.assertIn(self.invitation.access_token, page.text)
        result = self._submit(self.invitation.access_token)[1]
        self.assertNotIn("error", result)
        self.assertIn("o_survey_finished", result["survey_content"])
        self.assertEqual(self.invitation.state, "done")
        feedback = self._feedback(self.alice.partner_id)
        self.assertEqual((feedback.score_type, feedback.value), ("nps", 3))

    def test_other_customer_cannot_open_nor_answer_without_the_token(self):
        self.authenticate("fb_bob", "fb_bob_pw")
        # Bob's own invitation opens; Alice's, even with its token, is not his.
        self.assertIn("o_survey_form", self._open(self.bob_invitation.access_token).text)
        for token in (self.invitation.access_token, "not-a-token", None):
            page = self._open(token)
            self.assertNotIn("o_survey_form", page.text, token)
            self.assertNotIn(self.invitation.access_token, page.text, token)
        self.assertEqual(self._submit(self.invitation.access_token)[1],
                         {"error": "answer_wrong_user"})
        self.assertEqual(self._submit("not-a-token")[1], {"error": "token_wrong"})
        self.assertEqual(self.invitation.state, "new")
        self.assertFalse(self.invitation.user_input_line_ids)
        self.assertFalse(self._feedback(self.alice.partner_id))
        # Nor read it through the ORM: portal users have no access to survey answers.
        Answer = self.env["survey.user_input"].with_user(self.bob)
        self.assertFalse(Answer.has_access("read"))

    def test_scale_buttons_in_the_respondent_digits(self):
        """A Persian respondent reads the NPS buttons ۰ to ۱۰; the values stay 0 to 10."""
        self.env["res.lang"]._activate_lang("en_US")
        self.env["res.lang"]._activate_lang("fa_IR")

        def buttons(lang):
            invitation = self.survey.sudo()._create_answer(partner=self.alice.partner_id)
            self.authenticate("fb_alice", "fb_alice_pw")
            # The survey's pages are in the visitor's chosen language (Odoo's cookie).
            self.opener.cookies["frontend_lang"] = lang
            content = self.make_jsonrpc_request(
                f"/survey/begin/{self.survey.access_token}/{invitation.access_token}"
            )[1]["survey_content"]
            labels = lxml.html.fromstring(content).find_class("o_survey_choice_btn")
            return ([label.find(".//input").get("value") for label in labels],
                    [[div.text_content() for div in label.find_class("fw-bold")]
                     for label in labels])

        values, shown = buttons("en_US")
        self.assertEqual(values, [str(value) for value in range(11)])
        self.assertEqual(shown, [[str(value)] * 2 for value in range(11)])
        values, shown = buttons("fa_IR")
        self.assertEqual(values, [str(value) for value in range(11)])
        self.assertEqual(shown[0], ["۰", "۰"])
        self.assertEqual(shown[10], ["۱۰", "۱۰"])
