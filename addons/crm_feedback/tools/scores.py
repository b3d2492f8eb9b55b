# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Satisfaction formulas (ISO 10004 direct measures) and customer value indicators.

Plain Python, free of Odoo, so that they are tested without a database. The models pass
counts and sums read with grouped queries; nothing here reads records.
"""

import math

# (lowest, highest) value of each scale; values are whole numbers.
SCALES = {
    "nps": (0, 10),
    "csat": (1, 5),
    "ces": (1, 7),
    "rating": (1, 5),
}
NPS_PROMOTER = 9     # 9-10
NPS_DETRACTOR = 6    # 0-6
CSAT_SATISFIED = 4   # 4-5 count as satisfied
Z_95 = 1.96


def check_value(score_type, value):
    """None when `value` is valid on the scale of `score_type`, else the reason."""
    if not score_type:
        return None if value in (None, False) else "no_scale"
    if score_type not in SCALES:
        return "unknown_scale"
    if value is None or value is False:
        return "missing"
    low, high = SCALES[score_type]
    if float(value) != int(value):
        return "not_whole"
    if not low <= value <= high:
        return "out_of_range"
    return None


def normalize(score_type, value):
    """The value on a 0-100 scale (CES is reversed: a low effort is a good experience)."""
    low, high = SCALES[score_type]
    share = (value - low) / (high - low)
    if score_type == "ces":
        share = 1 - share
    return round(100.0 * share, 2)


def nps(promoters, passives, detractors):
    """Net Promoter Score, -100..100, or None without answers."""
    n = promoters + passives + detractors
    if not n:
        return None
    return round(100.0 * (promoters - detractors) / n, 2)


def nps_margin(promoters, passives, detractors, z=Z_95):
    """Margin of error of the NPS at 95% (in NPS points).

    Each answer scores +1 (promoter), 0 (passive) or -1 (detractor); the NPS is 100 times their
    mean, so its standard error is 100 * sqrt(var / n) with var = p + d - (p - d)^2.
    """
    n = promoters + passives + detractors
    if not n:
        return None
    p, d = promoters / n, detractors / n
    variance = p + d - (p - d) ** 2
    return round(z * 100.0 * math.sqrt(max(variance, 0.0) / n), 2)


def nps_category(value):
    if value is None:
        return False
    if value >= NPS_PROMOTER:
        return "promoter"
    if value <= NPS_DETRACTOR:
        return "detractor"
    return "passive"


def csat(satisfied, total):
    """Share of CSAT answers of 4 or 5, in percent."""
    return round(100.0 * satisfied / total, 2) if total else None


def count_answers(rows, counts=None):
    """NPS and CSAT answers counted from grouped (score_type, value, count) rows, added to
    `counts` when given: {'promoter', 'passive', 'detractor': NPS answers of each category;
    'satisfied', 'csat': CSAT answers of 4 or 5, and in all}. Rows of other scales are
    left out. The one count behind every NPS and CSAT figure."""
    counts = counts if counts is not None else dict.fromkeys(
        ("promoter", "passive", "detractor", "satisfied", "csat"), 0)
    for score_type, value, count in rows:
        if score_type == "nps":
            counts[nps_category(value)] += count
        elif score_type == "csat":
            counts["satisfied"] += count if value >= CSAT_SATISFIED else 0
            counts["csat"] += count
    return counts


def nps_of(counts):
    """The NPS of answers counted by count_answers."""
    return nps(counts["promoter"], counts["passive"], counts["detractor"])


def csat_of(counts):
    """The CSAT % of answers counted by count_answers."""
    return csat(counts["satisfied"], counts["csat"])


def mean(total, count):
    return round(total / count, 2) if count else None


def rate(part, whole):
    """part / whole in percent, None when there is nothing to divide by."""
    return round(100.0 * part / whole, 2) if whole else None


def weighted_score(measures, weights):
    """Weighted mean of the 0-100 measures present; None when none is.

    `measures` maps a measure name to its 0-100 value or None; `weights` maps it to its weight.
    A missing measure does not count, so the score rests on what is known of the customer.
    """
    total = weight_sum = 0.0
    for name, value in measures.items():
        weight = weights.get(name, 0.0)
        if value is None or weight <= 0:
            continue
        total += weight * value
        weight_sum += weight
    return round(total / weight_sum, 2) if weight_sum else None


def sentiment_score(sentiment):
    """Sentiment (-1..1) on the 0-100 scale."""
    return None if sentiment is None else round(50.0 * (sentiment + 1.0), 2)


# ---------------------------------------------------------------------- RFM


def quintile_bounds(values):
    """The four cut points splitting `values` in five groups of equal size, as PostgreSQL's
    percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) that the score cron runs: the smallest value
    whose share of values at or below it reaches k/5, [20, 40, 60, 80] for 1..100."""
    ordered = sorted(values)
    n = len(ordered)
    # ceil(n * k / 5) values at or below the cut point, in integers: no rounding error.
    return [ordered[-(-n * k // 5) - 1] for k in range(1, 5)] if n else []


def quintile(value, bounds, reverse=False):
    """1 (lowest) to 5 (highest) given the cut points, 0 without a value; `reverse` for
    recency, where fewer days since the last order rank higher."""
    if value is None or not bounds:
        return 0
    if reverse:
        return 1 + sum(1 for bound in bounds if value <= bound)
    return 1 + sum(1 for bound in bounds if value >= bound)


# (segment, lowest recency, lowest frequency, highest recency, highest frequency, lowest
# monetary): the first row a customer's quintiles fit names their segment.
RFM_GRID = [
    ("champion", 4, 4, 5, 5, 4),
    ("loyal", 3, 4, 5, 5, 1),
    ("new", 4, 1, 5, 1, 1),
    ("potential", 3, 2, 5, 5, 1),
    ("cant_lose", 1, 4, 2, 5, 1),
    ("at_risk", 1, 2, 2, 5, 1),
    ("hibernating", 2, 1, 2, 1, 1),
]


def rfm_segment(r, f, m):
    """The customer segment named after the usual RFM grid, from quintiles 1..5 (0: no data)."""
    if not r or not f:
        return "none"
    for segment, r_low, f_low, r_high, f_high, m_low in RFM_GRID:
        if r_low <= r <= r_high and f_low <= f <= f_high and m >= m_low:
            return segment
    return "lost"


def pareto_class(amount, a_floor, b_floor):
    """Pareto class of one revenue given the smallest revenue still in A and in B."""
    if amount is None or amount <= 0:
        return "C"
    if a_floor is not None and amount >= a_floor:
        return "A"
    if b_floor is not None and amount >= b_floor:
        return "B"
    return "C"


def usual_gap_days(first_days_ago, last_days_ago, frequency):
    """The customer's mean number of days between orders, None with fewer than two."""
    if frequency is None or frequency < 2 or first_days_ago is None:
        return None
    return (first_days_ago - last_days_ago) / (frequency - 1)


def churn_risk(recency_days, usual_gap, satisfaction=None, nps_cat=None, *, factor=2.0,
               idle_days=365):
    """(level, reason) with level 'low', 'medium' or 'high'.

    Attrition: no order within `factor` times the usual gap between orders (or within
    `idle_days` for one-order customers) is high risk; past the usual gap, medium. A detractor
    or a satisfaction under 40 raises the risk one level, as dissatisfied customers leave first.
    """
    level, reason = 0, "active"
    if recency_days is not None:
        if usual_gap:
            if recency_days > factor * usual_gap:
                level, reason = 2, "overdue_order"
            elif recency_days > usual_gap:
                level, reason = 1, "late_order"
        elif recency_days > idle_days:
            level, reason = 2, "inactive"
    if (nps_cat == "detractor" or (satisfaction is not None and satisfaction < 40)) and level < 2:
        level += 1
        reason = "dissatisfied" if reason == "active" else reason
    return ("low", "medium", "high")[level], reason


def lifetime_value(monetary, frequency, tenure_days, horizon_years=3.0):
    """Customer lifetime value estimate: the yearly revenue so far over the horizon.

    A customer known for less than a quarter is counted as if known a quarter, so that a
    first order does not extrapolate to a year of orders.
    """
    if not monetary or not frequency:
        return 0.0
    years = max((tenure_days or 0) / 365.0, 0.25)
    return round(monetary / years * horizon_years, 2)


# ---------------------------------------------------------------------- implicit signals

# A reply within a day is a fully engaged customer; none within two weeks, a silent one.
RESPONSE_PROMPT_HOURS = 24.0
RESPONSE_SILENT_HOURS = 336.0


def return_share(returned, revenue):
    """Share (0..1) of the revenue the customer gave back through credit notes; 1 when there
    is no revenue to set the returns against, 0 without returns."""
    if not returned or returned <= 0:
        return 0.0
    if not revenue or revenue <= 0:
        return 1.0
    return min(returned / revenue, 1.0)


def response_score(hours):
    """How fast the customer answers us on the 0-100 scale: 100 within a day, falling
    linearly to 0 at two weeks; None when they never answered within the window."""
    if hours is None:
        return None
    span = RESPONSE_SILENT_HOURS - RESPONSE_PROMPT_HOURS
    share = (max(hours, RESPONSE_PROMPT_HOURS) - RESPONSE_PROMPT_HOURS) / span
    return round(100.0 * max(0.0, 1.0 - share), 2)


def implicit_score(behaviour=None, share_returned=0.0, response=None):
    """The implicit measure (0-100) from behaviour: the mean of the buying-rhythm score and
    the response-time score present, reduced by the share of revenue returned. Returns
    alone, with nothing else known, start from a neutral 50. None when nothing is known."""
    parts = [part for part in (behaviour, response) if part is not None]
    if not parts and not share_returned:
        return None
    base = sum(parts) / len(parts) if parts else 50.0
    return round(base * (1.0 - share_returned), 2)
