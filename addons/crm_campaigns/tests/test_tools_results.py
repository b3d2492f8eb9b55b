"""Campaign result formulas, without a database."""

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "campaign_results", Path(__file__).resolve().parent.parent / "tools" / "results.py")
results = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(results)

TOTALS = {"lead_count": 40, "opportunity_count": 10, "won_count": 4, "lost_count": 6,
          "won_revenue": 5000.0, "pipeline_revenue": 900.0, "weighted_revenue": 300.0}


def test_rates_and_roi_on_known_figures():
    figures = results.campaign_results(TOTALS, cost=2000.0, budget=2500.0, members=200,
                                       responding=30)
    assert figures["conversion_rate"] == pytest.approx(25.0)
    assert figures["win_rate"] == pytest.approx(40.0)
    assert figures["response_rate"] == pytest.approx(15.0)
    assert figures["cost_per_lead"] == pytest.approx(50.0)
    assert figures["cost_per_won"] == pytest.approx(500.0)
    assert figures["roi"] == pytest.approx(150.0)
    assert figures["budget_used"] == pytest.approx(80.0)
    assert figures["won_revenue"] == 5000.0


def test_nothing_spent_gives_no_roi_rather_than_infinity():
    figures = results.campaign_results(TOTALS, cost=0.0, budget=0.0, members=0, responding=0)
    assert figures["roi"] is None
    assert figures["budget_used"] is None
    assert figures["response_rate"] is None
    assert figures["cost_per_lead"] == 0.0


def test_a_losing_campaign_has_a_negative_roi():
    assert results.roi(500.0, 2000.0) == pytest.approx(-75.0)


def test_no_closed_deal_has_no_win_rate():
    empty = dict.fromkeys(TOTALS, 0)
    figures = results.campaign_results(empty, cost=100.0, budget=0.0, members=5, responding=0)
    assert figures["win_rate"] is None
    assert figures["conversion_rate"] is None
    assert figures["cost_per_won"] is None
    assert figures["response_rate"] == 0.0
