# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""No database: satisfaction formulas, RFM, Pareto, churn and value."""

from odoo.addons.crm_feedback.tools import scores
from odoo.tests import BaseCase, tagged


@tagged("tools")
class TestScores(BaseCase):

    def test_check_value_per_scale(self):
        cases = [
            ("nps", 0, None), ("nps", 10, None), ("nps", 11, "out_of_range"),
            ("nps", -1, "out_of_range"),
            ("csat", 0, "out_of_range"), ("csat", 1, None), ("csat", 5, None),
            ("csat", 6, "out_of_range"),
            ("ces", 7, None), ("ces", 8, "out_of_range"),
            ("rating", 3, None), ("rating", 0, "out_of_range"),
            ("nps", None, "missing"), ("nps", 7.5, "not_whole"), ("bogus", 1, "unknown_scale"),
            (None, None, None), (None, 3, "no_scale"),
        ]
        for score_type, value, reason in cases:
            with self.subTest(score_type=score_type, value=value, reason=reason):
                self.assertEqual(scores.check_value(score_type, value), reason)

    def test_normalize_to_0_100_with_ces_reversed(self):
        self.assertEqual(scores.normalize("nps", 0), 0)
        self.assertEqual(scores.normalize("nps", 10), 100)
        self.assertEqual(scores.normalize("csat", 1), 0)
        self.assertEqual(scores.normalize("csat", 4), 75)
        self.assertEqual(scores.normalize("ces", 1), 100)  # very little effort: best
        self.assertEqual(scores.normalize("ces", 7), 0)
        self.assertEqual(scores.normalize("rating", 3), 50)

    def test_nps_and_its_margin_on_a_known_sample(self):
        # 50 promoters, 30 passives, 20 detractors: NPS 30. Answers +1/0/-1 have mean 0.3 and
        # variance 0.5 + 0.2 - 0.09 = 0.61, so the margin is 1.96 * 100 * sqrt(0.61 / 100).
        self.assertEqual(scores.nps(50, 30, 20), 30)
        self.assertAlmostEqual(scores.nps_margin(50, 30, 20), 15.31, delta=0.01)
        self.assertEqual(scores.nps(0, 0, 10), -100)
        self.assertEqual(scores.nps_margin(10, 0, 0), 0)
        self.assertIsNone(scores.nps(0, 0, 0))
        self.assertIsNone(scores.nps_margin(0, 0, 0))

    def test_nps_categories(self):
        self.assertEqual([scores.nps_category(v) for v in (0, 6, 7, 8, 9, 10)], [
            "detractor", "detractor", "passive", "passive", "promoter", "promoter"])

    def test_answers_counted_once_for_nps_and_csat(self):
        rows = [("nps", 10, 5), ("nps", 9, 1), ("nps", 7, 2), ("nps", 3, 2),
                ("csat", 5, 3), ("csat", 4, 1), ("csat", 2, 4), ("ces", 3, 9)]
        counts = scores.count_answers(rows)
        self.assertEqual(counts, {"promoter": 6, "passive": 2, "detractor": 2, "satisfied": 4,
                                  "csat": 8})
        self.assertEqual(scores.nps_of(counts), 40)
        self.assertEqual(scores.csat_of(counts), 50)
        # Added to: one count over several groups.
        self.assertEqual(scores.count_answers([("nps", 0, 1)], counts)["detractor"], 3)

    def test_csat_ces_and_rates(self):
        self.assertEqual(scores.csat(3, 4), 75)
        self.assertIsNone(scores.csat(0, 0))
        self.assertEqual(scores.mean(10, 4), 2.5)
        self.assertIsNone(scores.mean(0, 0))
        self.assertAlmostEqual(scores.rate(1, 3), 33.33)

    def test_weighted_score(self):
        weights = {"nps": 3, "csat": 1, "ces": 2}
        self.assertEqual(scores.weighted_score({"nps": 100, "csat": 0, "ces": None}, weights), 75)
        self.assertIsNone(scores.weighted_score({"nps": None}, weights))
        self.assertEqual(scores.sentiment_score(-1), 0)
        self.assertEqual(scores.sentiment_score(0.5), 75)

    def test_rfm_quintiles_and_segments(self):
        bounds = scores.quintile_bounds(list(range(1, 101)))
        self.assertEqual(bounds, [20, 40, 60, 80], "PostgreSQL's percentile_disc")
        self.assertEqual(scores.quintile_bounds([7]), [7, 7, 7, 7])
        self.assertEqual(scores.quintile_bounds([]), [])
        self.assertEqual(scores.quintile(1, bounds), 1)
        self.assertEqual(scores.quintile(100, bounds), 5)
        self.assertEqual(scores.quintile(50, bounds), 3)
        # recency: few days since the last order rank high
        self.assertEqual(scores.quintile(1, bounds, reverse=True), 5)
        self.assertEqual(scores.quintile(100, bounds, reverse=True), 1)
        self.assertEqual(scores.quintile(None, bounds), 0)
        self.assertEqual(scores.rfm_segment(5, 5, 5), "champion")
        self.assertEqual(scores.rfm_segment(3, 4, 1), "loyal")
        self.assertEqual(scores.rfm_segment(5, 1, 1), "new")
        self.assertEqual(scores.rfm_segment(1, 5, 5), "cant_lose")
        self.assertEqual(scores.rfm_segment(2, 3, 3), "at_risk")
        self.assertEqual(scores.rfm_segment(1, 1, 1), "lost")
        self.assertEqual(scores.rfm_segment(0, 0, 0), "none")

    def test_pareto_class(self):
        self.assertEqual(scores.pareto_class(700, 150, 100), "A")
        self.assertEqual(scores.pareto_class(120, 150, 100), "B")
        self.assertEqual(scores.pareto_class(0, 150, 100), "C")

    def test_churn_risk_from_the_usual_gap(self):
        self.assertEqual(scores.usual_gap_days(100, 10, 4), 30)
        self.assertIsNone(scores.usual_gap_days(100, 10, 1))
        self.assertEqual(scores.churn_risk(20, 30), ("low", "active"))
        self.assertEqual(scores.churn_risk(45, 30), ("medium", "late_order"))
        self.assertEqual(scores.churn_risk(61, 30), ("high", "overdue_order"))
        self.assertEqual(scores.churn_risk(400, None), ("high", "inactive"))
        self.assertEqual(scores.churn_risk(20, 30, nps_cat="detractor"), ("medium", "dissatisfied"))
        self.assertEqual(scores.churn_risk(45, 30, satisfaction=20), ("high", "late_order"))
        self.assertEqual(scores.churn_risk(None, None), ("low", "active"))

    def test_lifetime_value(self):
        # 1,200 over two years is 600 a year: 1,800 over the three-year horizon
        self.assertEqual(scores.lifetime_value(1200, 4, 730), 1800)
        # a first order is counted over a quarter at least
        self.assertEqual(scores.lifetime_value(100, 1, 3), 1200)
        self.assertEqual(scores.lifetime_value(0, 0, 0), 0)

    def test_return_share_of_revenue(self):
        cases = [
            (0.0, 1000.0, 0.0), (None, 0.0, 0.0), (250.0, 1000.0, 0.25), (1500.0, 1000.0, 1.0),
            (100.0, 0.0, 1.0),
        ]
        for returned, revenue, share in cases:
            with self.subTest(returned=returned, revenue=revenue, share=share):
                self.assertEqual(scores.return_share(returned, revenue), share)

    def test_response_score_falls_from_a_day_to_two_weeks(self):
        cases = [
            (None, None), (0.5, 100.0), (24.0, 100.0), (180.0, 50.0), (336.0, 0.0), (1000.0, 0.0),
        ]
        for hours, score in cases:
            with self.subTest(hours=hours, score=score):
                self.assertEqual(scores.response_score(hours), score)

    def test_implicit_score_combines_behaviour_returns_and_response(self):
        self.assertIsNone(scores.implicit_score())
        self.assertEqual(scores.implicit_score(100.0), 100.0)
        self.assertEqual(scores.implicit_score(100.0, 0.25), 75.0)
        self.assertEqual(scores.implicit_score(100.0, 0.0, 50.0), 75.0)
        self.assertEqual(scores.implicit_score(None, 0.0, 40.0), 40.0)
        # Returns alone, nothing else known: from a neutral 50.
        self.assertEqual(scores.implicit_score(None, 0.5), 25.0)
        self.assertEqual(scores.implicit_score(50.0, 1.0, 100.0), 0.0)
