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
