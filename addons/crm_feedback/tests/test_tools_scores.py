# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Plain pytest, no database: satisfaction formulas, RFM, Pareto, churn and value."""

import pytest

from odoo.addons.crm_feedback.tools import scores


@pytest.mark.parametrize("score_type,value,reason", [
    ("nps", 0, None), ("nps", 10, None), ("nps", 11, "out_of_range"), ("nps", -1, "out_of_range"),
    ("csat", 0, "out_of_range"), ("csat", 1, None), ("csat", 5, None), ("csat", 6, "out_of_range"),
    ("ces", 7, None), ("ces", 8, "out_of_range"),
    ("rating", 3, None), ("rating", 0, "out_of_range"),
    ("nps", None, "missing"), ("nps", 7.5, "not_whole"), ("bogus", 1, "unknown_scale"),
    (None, None, None), (None, 3, "no_scale"),
])
def test_check_value_per_scale(score_type, value, reason):
    assert scores.check_value(score_type, value) == reason


def test_normalize_to_0_100_with_ces_reversed():
    assert scores.normalize("nps", 0) == 0
    assert scores.normalize("nps", 10) == 100
    assert scores.normalize("csat", 1) == 0
    assert scores.normalize("csat", 4) == 75
    assert scores.normalize("ces", 1) == 100   # very little effort: best
    assert scores.normalize("ces", 7) == 0
    assert scores.normalize("rating", 3) == 50


def test_nps_and_its_margin_on_a_known_sample():
    # 50 promoters, 30 passives, 20 detractors: NPS 30. Answers +1/0/-1 have mean 0.3 and
    # variance 0.5 + 0.2 - 0.09 = 0.61, so the margin is 1.96 * 100 * sqrt(0.61 / 100).
    assert scores.nps(50, 30, 20) == 30
    assert scores.nps_margin(50, 30, 20) == pytest.approx(15.31, abs=0.01)
    assert scores.nps(0, 0, 10) == -100
    assert scores.nps_margin(10, 0, 0) == 0
    assert scores.nps(0, 0, 0) is None
    assert scores.nps_margin(0, 0, 0) is None


def test_nps_categories():
    assert [scores.nps_category(v) for v in (0, 6, 7, 8, 9, 10)] == [
        "detractor", "detractor", "passive", "passive", "promoter", "promoter"]


def test_answers_counted_once_for_nps_and_csat():
    rows = [("nps", 10, 5), ("nps", 9, 1), ("nps", 7, 2), ("nps", 3, 2),
            ("csat", 5, 3), ("csat", 4, 1), ("csat", 2, 4), ("ces", 3, 9)]
    counts = scores.count_answers(rows)
    assert counts == {"promoter": 6, "passive": 2, "detractor": 2, "satisfied": 4, "csat": 8}
    assert scores.nps_of(counts) == 40
    assert scores.csat_of(counts) == 50
    # Added to: one count over several groups.
    assert scores.count_answers([("nps", 0, 1)], counts)["detractor"] == 3


def test_csat_ces_and_rates():
    assert scores.csat(3, 4) == 75
    assert scores.csat(0, 0) is None
    assert scores.mean(10, 4) == 2.5
    assert scores.mean(0, 0) is None
    assert scores.rate(1, 3) == pytest.approx(33.33)


def test_weighted_score():
    weights = {"nps": 3, "csat": 1, "ces": 2}
    assert scores.weighted_score({"nps": 100, "csat": 0, "ces": None}, weights) == 75
    assert scores.weighted_score({"nps": None}, weights) is None
    assert scores.sentiment_score(-1) == 0
    assert scores.sentiment_score(0.5) == 75


def test_rfm_quintiles_and_segments():
    bounds = scores.quintile_bounds(list(range(1, 101)))
    assert bounds == [20, 40, 60, 80], "PostgreSQL's percentile_disc"
    assert scores.quintile_bounds([7]) == [7, 7, 7, 7]
    assert scores.quintile_bounds([]) == []
    assert scores.quintile(1, bounds) == 1
    assert scores.quintile(100, bounds) == 5
    assert scores.quintile(50, bounds) == 3
    # recency: few days since the last order rank high
    assert scores.quintile(1, bounds, reverse=True) == 5
    assert scores.quintile(100, bounds, reverse=True) == 1
    assert scores.quintile(None, bounds) == 0
    assert scores.rfm_segment(5, 5, 5) == "champion"
    assert scores.rfm_segment(3, 4, 1) == "loyal"
    assert scores.rfm_segment(5, 1, 1) == "new"
    assert scores.rfm_segment(1, 5, 5) == "cant_lose"
    assert scores.rfm_segment(2, 3, 3) == "at_risk"
    assert scores.rfm_segment(1, 1, 1) == "lost"
    assert scores.rfm_segment(0, 0, 0) == "none"


def test_pareto_class():
    assert scores.pareto_class(700, 150, 100) == "A"
    assert scores.pareto_class(120, 150, 100) == "B"
    assert scores.pareto_class(0, 150, 100) == "C"


def test_churn_risk_from_the_usual_gap():
    assert scores.usual_gap_days(100, 10, 4) == 30
    assert scores.usual_gap_days(100, 10, 1) is None
    assert scores.churn_risk(20, 30) == ("low", "active")
    assert scores.churn_risk(45, 30) == ("medium", "late_order")
    assert scores.churn_risk(61, 30) == ("high", "overdue_order")
    assert scores.churn_risk(400, None) == ("high", "inactive")
    assert scores.churn_risk(20, 30, nps_cat="detractor") == ("medium", "dissatisfied")
    assert scores.churn_risk(45, 30, satisfaction=20) == ("high", "late_order")
    assert scores.churn_risk(None, None) == ("low", "active")


def test_lifetime_value():
    # 1,200 over two years is 600 a year: 1,800 over the three-year horizon
    assert scores.lifetime_value(1200, 4, 730) == 1800
    # a first order is counted over a quarter at least
    assert scores.lifetime_value(100, 1, 3) == 1200
    assert scores.lifetime_value(0, 0, 0) == 0


@pytest.mark.parametrize("returned,revenue,share", [
    (0.0, 1000.0, 0.0), (None, 0.0, 0.0), (250.0, 1000.0, 0.25), (1500.0, 1000.0, 1.0),
    (100.0, 0.0, 1.0),
])
def test_return_share_of_revenue(returned, revenue, share):
    assert scores.return_share(returned, revenue) == share


@pytest.mark.parametrize("hours,score", [
    (None, None), (0.5, 100.0), (24.0, 100.0), (180.0, 50.0), (336.0, 0.0), (1000.0, 0.0),
])
def test_response_score_falls_from_a_day_to_two_weeks(hours, score):
    assert scores.response_score(hours) == score


def test_implicit_score_combines_behaviour_returns_and_response():
    assert scores.implicit_score() is None
    assert scores.implicit_score(100.0) == 100.0
    assert scores.implicit_score(100.0, 0.25) == 75.0
    assert scores.implicit_score(100.0, 0.0, 50.0) == 75.0
    assert scores.implicit_score(None, 0.0, 40.0) == 40.0
    # Returns alone, nothing else known: from a neutral 50.
    assert scores.implicit_score(None, 0.5) == 25.0
    assert scores.implicit_score(50.0, 1.0, 100.0) == 0.0
