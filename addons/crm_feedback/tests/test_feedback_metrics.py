# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFeedbackMetrics(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, feedback_no_followup=True))
        cls.partner = cls.env["res.partner"].create({"name": "Pars Trading"})
        cls.campaign = cls.env["utm.campaign"].create({"name": "Nowruz"})
        values = [("nps", v) for v in [10] * 5 + [9] * 5 + [8] * 3 + [7] * 3 + [3] * 4]
        values += [("csat", v) for v in (5, 4, 4, 2)] + [("ces", v) for v in (2, 3, 7)]
        values += [("rating", 5), ("rating", 3)]
        cls.env["crm.feedback"].create([{
            "partner_id": cls.partner.id, "channel": "survey", "score_type": st, "value": v,
            "campaign_id": cls.campaign.id} for st, v in values])
        cls.env["crm.feedback"].create({"partner_id": cls.partner.id, "channel": "phone",
                                        "comment": "terrible", "campaign_id": cls.campaign.id})

    def test_metrics_on_a_known_data_set(self):
        metrics = self.env["crm.feedback"].get_metrics([("campaign_id", "=", self.campaign.id)])
        # 10 promoters, 6 passives, 4 detractors of 20: NPS 30, variance .5+.2-.09 = .61
        self.assertEqual((metrics["promoters"], metrics["passives"], metrics["detractors"]),
                         (10, 6, 4))
        self.assertEqual(metrics["nps"], 30)
        self.assertAlmostEqual(metrics["nps_margin"], 34.23, places=2)
        self.assertEqual((metrics["csat"], metrics["csat_count"]), (75, 4))
        self.assertEqual((metrics["ces"], metrics["ces_count"]), (4, 3))
        self.assertEqual((metrics["rating"], metrics["rating_count"]), (4, 2))
        self.assertEqual(metrics["count"], 30)
        self.assertLess(metrics["sentiment"], 0)
        empty = self.env["crm.feedback"].get_metrics([("id", "=", 0)])
        self.assertEqual((empty["count"], empty["nps"], empty["csat"]), (0, False, False))

    def test_response_rate_counts_invitations(self):
        survey = self.env.ref("crm_feedback.survey_feedback_csat")
        partners = self.env["res.partner"].create([{"name": f"P{i}"} for i in range(4)])
        for partner in partners:
            survey._create_answer(partner=partner, check_attempts=False)
        answer = survey.user_input_ids.filtered(lambda a: a.partner_id == partners[0])
        answer._save_lines(survey.question_ids.sorted("sequence")[0], "5")
        answer._mark_done()
        metrics = self.env["crm.feedback"].get_metrics(
            [], partner_ids=partners.ids)
        self.assertEqual((metrics["invited"], metrics["answered"], metrics["response_rate"]),
                         (4, 1, 25))

    def test_metrics_query_count_does_not_grow_with_data(self):
        Feedback = self.env["crm.feedback"]
        domain = [("campaign_id", "=", self.campaign.id)]
        Feedback.get_metrics(domain)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            Feedback.get_metrics(domain)
        Feedback.create([{"partner_id": self.partner.id, "channel": "survey",
                          "score_type": "nps", "value": i % 11,
                          "campaign_id": self.campaign.id} for i in range(300)])
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            metrics = Feedback.get_metrics(domain)
        self.assertEqual(metrics["nps_count"], 320)
