"""Numbers written for a reader: Persian digits and decimal separator for Persian."""

_PERSIAN = str.maketrans("0123456789.-", "۰۱۲۳۴۵۶۷۸۹٫−")


def reader_number(value, lang, decimals=0):
    """``value`` as a reader of ``lang`` writes it: 2.5 -> "۲٫۵" in Persian (fa, fa_IR),
    "2.5" otherwise. ``decimals`` digits after the separator."""
    text = f"{value:.{decimals}f}"
    if (lang or "").split("_")[0] == "fa":
        return text.translate(_PERSIAN)
    return text
