"""Campaign result formulas, without a database."""

from odoo.tests import BaseCase, tagged

from ..tools import results

TOTALS = {"lead_count": 40, "opportunity_count": 10, "won_count": 4, "lost_count": 6,
          "won_revenue": 5000.0, "pipeline_revenue": 900.0, "weighted_revenue": 300.0}


@tagged("tools")
class TestCampaignResults(BaseCase):

    def test_rates_and_roi_on_known_figures(self):
        figures = results.campaign_results(TOTALS, cost=2000.0, budget=2500.0, members=200,
                                           responding=30)
        self.assertAlmostEqual(figures["conversion_rate"], 25.0)
        self.assertAlmostEqual(figures["win_rate"], 40.0)
        self.assertAlmostEqual(figures["response_rate"], 15.0)
        self.assertAlmostEqual(figures["cost_per_lead"], 50.0)
        self.assertAlmostEqual(figures["cost_per_won"], 500.0)
        self.assertAlmostEqual(figures["roi"], 150.0)
        self.assertAlmostEqual(figures["budget_used"], 80.0)
        self.assertEqual(figures["won_revenue"], 5000.0)

    def test_nothing_spent_gives_no_roi_rather_than_infinity(self):
        figures = results.campaign_results(TOTALS, cost=0.0, budget=0.0, members=0, responding=0)
        self.assertIsNone(figures["roi"])
        self.assertIsNone(figures["budget_used"])
        self.assertIsNone(figures["response_rate"])
        self.assertEqual(figures["cost_per_lead"], 0.0)

    def test_a_losing_campaign_has_a_negative_roi(self):
        self.assertAlmostEqual(results.roi(500.0, 2000.0), -75.0)

    def test_no_closed_deal_has_no_win_rate(self):
        empty = dict.fromkeys(TOTALS, 0)
        figures = results.campaign_results(empty, cost=100.0, budget=0.0, members=5, responding=0)
        self.assertIsNone(figures["win_rate"])
        self.assertIsNone(figures["conversion_rate"])
        self.assertIsNone(figures["cost_per_won"])
        self.assertEqual(figures["response_rate"], 0.0)
