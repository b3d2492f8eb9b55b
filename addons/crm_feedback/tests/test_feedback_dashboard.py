# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestFeedbackDashboard(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Feedback = cls.env["crm.feedback"].with_context(feedback_no_followup=True)
        cls.team, cls.other_team = cls.env["crm.team"].create([{"name": "Tehran"},
                                                               {"name": "Shiraz"}])
        cls.customer, cls.risky = cls.env["res.partner"].create([
            {"name": "Dashboard Co", "is_company": True},
            {"name": "Risky Co", "is_company": True, "user_id": cls.env.user.id},
        ])
        cls.env["crm.team.member"].create({"crm_team_id": cls.team.id,
                                           "user_id": cls.env.user.id})
        cls.risky.write({"churn_risk": "high", "satisfaction_score": 12.0,
                         "churn_reason": "dissatisfied"})
        now = fields.Datetime.now()
        values = [("nps", 10, 1), ("nps", 9, 2), ("nps", 10, 40), ("nps", 3, 5),
                  ("csat", 5, 3), ("nps", 0, 200)]
        cls.Feedback.create([{
            "partner_id": cls.customer.id, "channel": "survey", "score_type": score_type,
            "value": value, "team_id": cls.team.id, "date": now - timedelta(days=days),
        } for score_type, value, days in values])

    def test_dashboard_data(self):
        data = self.Feedback.get_dashboard_data(90)
        self.assertEqual(data["metrics"]["nps"], 50.0)
        self.assertEqual(data["metrics"]["nps_count"], 4)
        self.assertEqual(data["metrics"]["csat"], 100.0)
        self.assertEqual(sum(row["nps_count"] for row in data["by_month"]), 4)
        self.assertIn(self.risky.id, [account["id"] for account in data["worst_accounts"]])
        self.assertIn({"id": self.team.id, "name": "Tehran"}, data["teams"])
        self.assertEqual(self.Feedback.get_dashboard_data(0)["metrics"]["nps"], 20.0)
        # A team narrows the feedback and the accounts to its own.
        other = self.Feedback.get_dashboard_data(0, self.other_team.id)
        self.assertEqual((other["metrics"]["count"], other["worst_accounts"]), (0, []))
        mine = self.Feedback.get_dashboard_data(0, self.team.id)
        self.assertEqual(mine["metrics"]["count"], 6)
        self.assertEqual([a["id"] for a in mine["worst_accounts"]], [self.risky.id])
        with self.assertRaises(ValidationError):
            self.Feedback.get_dashboard_data(-5)

    def test_dashboard_queries_do_not_grow_with_the_feedback(self):
        self.Feedback.get_dashboard_data(0, self.team.id)  # caches warm
        self.env.invalidate_all()
        # 8: the months are titled in the reader's language, read from the company when
        # the context names none (the web client always names it).
        with self.assertQueryCount(8):
            self.Feedback.get_dashboard_data(0, self.team.id)
        self.Feedback.create([{
            "partner_id": self.customer.id, "channel": "survey", "score_type": "csat",
            "value": 1 + i % 5, "team_id": self.team.id,
            "date": fields.Datetime.now() - timedelta(days=30 * i)} for i in range(30)])
        self.env.invalidate_all()
        with self.assertQueryCount(8):
            self.Feedback.get_dashboard_data(0, self.team.id)

    def test_dashboard_tour(self):
        self.start_tour("/odoo/action-crm_feedback.crm_feedback_dashboard_action",
                        "crm_feedback_dashboard", login="admin")
