"""Campaign result measures, from the counts and sums a campaign's leads give.

Plain functions, tested without a database. Rates are percentages; a measure whose
denominator is zero is None (shown empty), never infinite.
"""


def percent(part, whole):
    """100 * part / whole, or None when whole is 0."""
    return 100.0 * part / whole if whole else None


def ratio(amount, count):
    """amount / count, or None when count is 0."""
    return amount / count if count else None


def roi(won_revenue, cost):
    """Return on investment in %: (won revenue - cost) / cost; None when nothing was spent."""
    return 100.0 * (won_revenue - cost) / cost if cost else None


def campaign_results(totals, cost, budget, members, responding):
    """Every result of one campaign from its totals.

    `totals` has lead_count (every lead and opportunity the campaign brought),
    opportunity_count (those that are opportunities now), won_count, lost_count,
    won_revenue, pipeline_revenue and weighted_revenue, summed over the campaign and its
    sub-campaigns; `members` and `responding` count its members.
    """
    leads = totals["lead_count"]
    closed = totals["won_count"] + totals["lost_count"]
    return {
        **totals,
        "conversion_rate": percent(totals["opportunity_count"], leads),
        "win_rate": percent(totals["won_count"], closed),
        "response_rate": percent(responding, members),
        "cost_per_lead": ratio(cost, leads),
        "cost_per_won": ratio(cost, totals["won_count"]),
        "roi": roi(totals["won_revenue"], cost),
        "budget_used": percent(cost, budget),
    }
