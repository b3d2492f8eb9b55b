"""Revenue attribution: how much of a won deal each of its campaign touches earns.

Plain functions, tested without a database; the attribution report computes the same
weights in SQL (window functions) and its tests check both agree.
"""

ATTRIBUTION_MODELS = [
    ("first_touch", "First Touch"),
    ("last_touch", "Last Touch"),
    ("linear", "Linear"),
    ("u_shaped", "U-Shaped (40/20/40)"),
]
DEFAULT_MODEL = "u_shaped"


def touch_weight(model, position, count):
    """Share of the deal's revenue earned by the touch at `position` (1 = first) of
    `count` touches, ordered by date.

    - first_touch: everything to the first touch;
    - last_touch: everything to the last one;
    - linear: the same share to each;
    - u_shaped: 40% to the first and 40% to the last, the 20% left shared by those in
      between; with two touches, half each; with one, all of it.
    """
    if count < 1 or not 1 <= position <= count:
        raise ValueError(f"touch {position} of {count}: no such touch")
    if model == "first_touch":
        return 1.0 if position == 1 else 0.0
    if model == "last_touch":
        return 1.0 if position == count else 0.0
    if model == "linear":
        return 1.0 / count
    if model == "u_shaped":
        if count == 1:
            return 1.0
        if count == 2:
            return 0.5
        return 0.4 if position in (1, count) else 0.2 / (count - 2)
    raise ValueError(f"unknown attribution model {model!r}")


def weights(model, count):
    """The weights of `count` touches in date order; they add up to 1."""
    return [touch_weight(model, position, count) for position in range(1, count + 1)]


def source_touch_date(create_date, date_open=None, date_closed=None):
    """When a lead entered the pipeline: the date of its lead-source touch.

    The earliest of its creation, assignment and closing dates (those it has), so that
    it is never after the close: a deal imported as won carries its real closing date
    but is created on the day of the import, and a deal created in a won stage has a
    closing date stored to the second, before its creation date stored to the
    microsecond. None when the lead has none of these dates.
    The touches model computes the same in SQL: LEAST() of the same three columns.
    """
    dates = [date for date in (create_date, date_open, date_closed) if date]
    return min(dates) if dates else None


def won_on(date_closed, date_last_stage_update):
    """When a won deal was won: its closing date, or, when it has none (Odoo leaves it
    empty on a deal created directly in a won stage), the day it entered its stage."""
    return date_closed or date_last_stage_update or None


def attribute(model, touches, revenue, date_closed=None):
    """{campaign: revenue credited} of a won deal of `revenue`, from its `touches`, pairs
    (date, campaign); only the touches up to `date_closed` count (all of them when the
    deal has no closing date). Ties in date keep the order given."""
    counted = [
        (position, date, campaign)
        for position, (date, campaign) in enumerate(touches)
        if date_closed is None or date <= date_closed
    ]
    counted.sort(key=lambda touch: (touch[1], touch[0]))
    credit = {}
    for (_position, _date, campaign), weight in zip(
            counted, weights(model, len(counted)), strict=True):
        credit[campaign] = credit.get(campaign, 0.0) + revenue * weight
    return credit
