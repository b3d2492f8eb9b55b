"""Iran's official holidays, from the `holidays` package, as local days and UTC ranges.

Odoo stores leaves as naive UTC datetimes; a holiday is a whole day in Tehran, so its
range is Tehran midnight to the next Tehran midnight, converted to UTC (Iran has kept a
single offset, +03:30, since 2022, but the conversion goes through the tz database so
that older years stay right).
"""

import datetime

import holidays
import pytz

TEHRAN = "Asia/Tehran"


def iran_holidays(years, language="en_US"):
    """[(date, name)] of Iran's official holidays in the Gregorian `years`, in date order.

    Two holidays on one day (Eid al-Fitr on Nowruz) come as one entry, their names joined.
    `language` is 'en_US' or 'fa_IR'.
    """
    language = language if language in holidays.Iran.supported_languages else "en_US"
    return sorted(holidays.Iran(years=list(years), language=language).items())


def day_range_utc(day, tz_name=TEHRAN):
    """(start, end) as naive UTC datetimes of the local day `day` in time zone `tz_name`."""
    tz = pytz.timezone(tz_name)
    start = tz.localize(datetime.datetime.combine(day, datetime.time.min))
    end = tz.localize(datetime.datetime.combine(day + datetime.timedelta(days=1),
                                                datetime.time.min))
    return (start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None) - datetime.timedelta(seconds=1))
