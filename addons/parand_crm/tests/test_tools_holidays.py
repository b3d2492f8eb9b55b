"""Plain pytest, no database: Iran's holidays and postal codes."""

import datetime

from odoo.addons.parand_crm.tools import holidays_ir, validators


def test_iran_holidays_known_days():
    days = dict(holidays_ir.iran_holidays([2025]))
    # Nowruz: 1404/01/01 = 2025-03-21; Islamic Revolution Day: 22 Bahman = 2025-02-10.
    assert datetime.date(2025, 3, 21) in days
    assert datetime.date(2025, 2, 10) in days
    assert datetime.date(2025, 3, 18) not in days
    assert list(days) == sorted(days)


def test_iran_holidays_in_persian():
    names = dict(holidays_ir.iran_holidays([2025], "fa_IR"))
    assert "نوروز" in names[datetime.date(2025, 3, 21)]
    # An unknown language falls back to English instead of failing.
    assert dict(holidays_ir.iran_holidays([2025], "xx_XX"))[datetime.date(2025, 3, 21)]


def test_day_range_utc_is_tehran_day():
    start, end = holidays_ir.day_range_utc(datetime.date(2025, 3, 21))
    # Tehran is UTC+03:30 since 2022 (no daylight saving time).
    assert start == datetime.datetime(2025, 3, 20, 20, 30)
    assert end == datetime.datetime(2025, 3, 21, 20, 29, 59)


def test_postal_code_clean_and_errors():
    assert validators.clean_postal_code("۱۴۳۵۹-۱۳۷۴۶") == "1435913746"
    assert validators.clean_postal_code(" 14359 13746 ") == "1435913746"
    assert validators.clean_postal_code("١٤٣٥٩١٣٧٤٦") == "1435913746"
    assert validators.clean_postal_code("1435A13746") == "1435A13746"
    assert validators.postal_code_error("1435913746") is None
    assert "only digits" in validators.postal_code_error("1435A13746")
    assert "10 digits" in validators.postal_code_error("143591374")
    assert "10 digits" in validators.postal_code_error("14359137460")
