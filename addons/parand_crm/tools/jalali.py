"""Jalali (Solar Hijri) dates for Persian users, on the `jdatetime` package.

The database always holds Gregorian dates; these helpers convert at the edges: what a user
reads (format_date), what a user types (parse_date) and the periods a user thinks in
(period_range: this Jalali month, quarter or year, as a Gregorian range).
"""

import datetime
import re

import jdatetime

from odoo.addons.parand_base.tools.persian import normalize_digits, to_persian_digits

MONTH_NAMES = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
               "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
MONTH_NAMES_LATIN = ("Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
                     "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand")
QUARTER_NAMES = ("بهار", "تابستان", "پاییز", "زمستان")

_DATE_INPUT = re.compile(r"^\s*(\d{1,4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$")


def to_jalali(value):
    """A jdatetime.date (or jdatetime.datetime) for a Gregorian date (or datetime)."""
    if isinstance(value, datetime.datetime):
        return jdatetime.datetime.fromgregorian(datetime=value)
    if isinstance(value, datetime.date):
        return jdatetime.date.fromgregorian(date=value)
    raise TypeError(f"expected a date or datetime, got {type(value).__name__}")


def from_jalali(year, month, day):
    """The Gregorian datetime.date of a Jalali day; ValueError when that day does not exist."""
    if not 1 <= month <= 12:
        raise ValueError(f"{year}/{month:02d}/{day:02d} is not a Jalali date: "
                         "the month must be between 1 and 12")
    length = month_length(year, month)
    if not 1 <= day <= length:
        raise ValueError(f"{year}/{month:02d}/{day:02d} is not a Jalali date: "
                         f"{MONTH_NAMES_LATIN[month - 1]} {year} has {length} days")
    return jdatetime.date(year, month, day).togregorian()


def is_leap(year):
    return jdatetime.date(year, 1, 1).isleap()


def month_length(year, month):
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if is_leap(year) else 29


def format_date(value, fmt="%Y/%m/%d", digits="latin"):
    """A Gregorian date or datetime written in Jalali; '' for an empty value.

    `fmt` takes strftime's directives (%Y %m %d %H:%M ...); %B is the Persian month name
    whatever the process locale.
    """
    if not value:
        return ""
    jvalue = to_jalali(value)
    text = jvalue.strftime(fmt.replace("%B", MONTH_NAMES[jvalue.month - 1]))
    return to_persian_digits(text) if digits == "persian" else text


def parse_date(text):
    """The Gregorian date of a Jalali date typed as 1403/5/1, ۱۴۰۳-۰۵-۰۱ or 1403.05.01.

    Raises ValueError saying what is wrong: a malformed text, a month out of range, or a day
    that month does not have (1402/12/30: Esfand 1402 has 29 days).
    """
    match = _DATE_INPUT.match(normalize_digits(text or ""))
    if not match:
        raise ValueError(f"{text!r} is not a Jalali date: write it as year/month/day, "
                         "e.g. 1403/05/01")
    year, month, day = (int(part) for part in match.groups())
    if year < 100:
        raise ValueError(f"{text!r} is not a Jalali date: write the year with four digits")
    return from_jalali(year, month, day)


def period_range(kind, ref_date):
    """(first day, last day) in Gregorian of the Jalali month, quarter or year of `ref_date`."""
    jref = to_jalali(ref_date if not isinstance(ref_date, datetime.datetime) else ref_date.date())
    if kind == "month":
        first_month, months = jref.month, 1
    elif kind == "quarter":
        first_month, months = 3 * ((jref.month - 1) // 3) + 1, 3
    elif kind == "year":
        first_month, months = 1, 12
    else:
        raise ValueError(f"unknown period {kind!r}: use 'month', 'quarter' or 'year'")
    last_month = first_month + months - 1
    start = from_jalali(jref.year, first_month, 1)
    end = from_jalali(jref.year, last_month, month_length(jref.year, last_month))
    return start, end


def shift_period(kind, ref_date, count):
    """A date inside the Jalali period `count` periods away from the one of `ref_date`."""
    start, _end = period_range(kind, ref_date)
    if count == 0:
        return start
    step = datetime.timedelta(days=1)
    for _ in range(abs(count)):
        if count < 0:
            start, _end = period_range(kind, start - step)
        else:
            _first, end = period_range(kind, start)
            start = end + step
    return start


def period_key(value, kind, tz=None):
    """The label a Jalali period is grouped under, sortable as text: '1403/05 مرداد',
    '1403 Q2 تابستان', '1403' (years written with four digits, so that 0999 sorts before
    1000); False for an empty value. A datetime (naive UTC, as Odoo
    stores it) is first moved to the time zone `tz` (a pytz zone)."""
    if not value:
        return False
    if isinstance(value, datetime.datetime):
        if tz is not None:
            value = value.replace(tzinfo=datetime.timezone.utc).astimezone(tz)
        value = value.date()
    jvalue = to_jalali(value)
    if kind == "month":
        return f"{jvalue.year:04d}/{jvalue.month:02d} {MONTH_NAMES[jvalue.month - 1]}"
    if kind == "quarter":
        quarter = (jvalue.month - 1) // 3 + 1
        return f"{jvalue.year:04d} Q{quarter} {QUARTER_NAMES[quarter - 1]}"
    if kind == "year":
        return f"{jvalue.year:04d}"
    raise ValueError(f"unknown period {kind!r}: use 'month', 'quarter' or 'year'")


def period_start(value, kind):
    """The Gregorian first day of the Jalali day, month, quarter or year holding `value`."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if kind == "day":
        return value
    return period_range(kind, value)[0]


def next_period_start(start, kind):
    """The Gregorian first day of the Jalali period that follows the one starting at `start`."""
    if kind == "day":
        return start + datetime.timedelta(days=1)
    return period_range(kind, start)[1] + datetime.timedelta(days=1)


def period_label(value, kind, lang="fa_IR", digits="latin"):
    """How a group of dates is titled in lists, pivots and graphs: 'مرداد 1403',
    'تابستان 1403' (Jalali quarters are the seasons), '1403', '01 مرداد 1403'; with
    transliterated names ('Mordad 1403', 'Q2 1403') for a Jalali reader of another language."""
    jvalue = to_jalali(value.date() if isinstance(value, datetime.datetime) else value)
    persian = (lang or "").startswith("fa")
    month = (MONTH_NAMES if persian else MONTH_NAMES_LATIN)[jvalue.month - 1]
    quarter = (jvalue.month - 1) // 3
    labels = {
        "day": f"{jvalue.day:02d} {month} {jvalue.year}",
        "month": f"{month} {jvalue.year}",
        "quarter": f"{QUARTER_NAMES[quarter]} {jvalue.year}" if persian
                   else f"Q{quarter + 1} {jvalue.year}",
        "year": str(jvalue.year),
    }
    if kind not in labels:
        raise ValueError(f"unknown period {kind!r}: use 'day', 'month', 'quarter' or 'year'")
    return to_persian_digits(labels[kind]) if digits == "persian" else labels[kind]


def week_of_year(value):
    """(Jalali year, week number) of a day: weeks run from Saturday to Friday, and week 1
    of a year is the one that holds Farvardin 1st (its Saturday may still be in Esfand)."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    # date.weekday(): Monday 0 ... Saturday 5.
    saturday = day - datetime.timedelta(days=(day.weekday() - 5) % 7)
    year = to_jalali(saturday + datetime.timedelta(days=6)).year
    new_year = from_jalali(year, 1, 1)
    first_saturday = new_year - datetime.timedelta(days=(new_year.weekday() - 5) % 7)
    return year, (saturday - first_saturday).days // 7 + 1


def week_label(value, lang="fa_IR", digits="latin"):
    """How a group of dates by week is titled for a Jalali reader: 'هفتهٔ 30 1405' (the
    week of the Jalali year, see week_of_year); 'W30 1405' in another language."""
    year, week = week_of_year(value)
    label = f"هفتهٔ {week} {year}" if (lang or "").startswith("fa") else f"W{week} {year}"
    return to_persian_digits(label) if digits == "persian" else label


def calendar_months(first_year, last_year):
    """[(first day, first day of the next month, first day of the quarter, first day of
    the year)] in Gregorian, for every Jalali month of the years given: the rows the
    database's Jalali day table is made of."""
    starts = [from_jalali(year, month, 1)
              for year in range(first_year, last_year + 2) for month in range(1, 13)]
    rows = []
    for index in range(12 * (last_year - first_year + 1)):
        rows.append((starts[index], starts[index + 1], starts[index - index % 3],
                     starts[index - index % 12]))
    return rows


def month_boundaries(first_year, last_year):
    """[(gregorian first day, jalali year, jalali month)] for every month of the years given,
    in order: the table a grouped SQL query maps dates onto."""
    return [(from_jalali(year, month, 1), year, month)
            for year in range(first_year, last_year + 1) for month in range(1, 13)]
