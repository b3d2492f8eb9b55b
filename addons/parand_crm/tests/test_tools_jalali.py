"""No database: Jalali conversion, formatting, parsing and periods."""

import datetime

from odoo.addons.parand_crm.tools import jalali
from odoo.tests import BaseCase, tagged

D = datetime.date


@tagged("tools")
class TestJalali(BaseCase):

    def test_round_trip(self):
        cases = [
            ((1403, 12, 30), D(2025, 3, 20)),   # last day of the leap year 1403
            ((1404, 1, 1), D(2025, 3, 21)),     # Nowruz 1404
            ((1402, 12, 29), D(2024, 3, 19)),   # 1402 is not leap: Esfand has 29 days
            ((1403, 1, 1), D(2024, 3, 20)),
            ((1399, 12, 30), D(2021, 3, 20)),   # 1399 is leap
            ((1403, 5, 1), D(2024, 7, 22)),
        ]
        for jdate, gdate in cases:
            with self.subTest(jdate=jdate, gdate=gdate):
                self.assertEqual(jalali.from_jalali(*jdate), gdate)
                jdate_back = jalali.to_jalali(gdate)
                self.assertEqual((jdate_back.year, jdate_back.month, jdate_back.day), jdate)

    def test_leap_years_and_month_lengths(self):
        self.assertTrue(jalali.is_leap(1403))
        self.assertTrue(jalali.is_leap(1399))
        self.assertFalse(jalali.is_leap(1402))
        self.assertEqual([jalali.month_length(1403, m) for m in (1, 6, 7, 11, 12)],
                         [31, 31, 30, 30, 30])
        self.assertEqual(jalali.month_length(1402, 12), 29)

    def test_format_date(self):
        self.assertEqual(jalali.format_date(D(2024, 7, 22)), "1403/05/01")
        self.assertEqual(jalali.format_date(D(2024, 7, 22), digits="persian"), "۱۴۰۳/۰۵/۰۱")
        self.assertEqual(jalali.format_date(D(2024, 7, 22), "%d %B %Y"), "01 مرداد 1403")
        self.assertEqual(
            jalali.format_date(datetime.datetime(2025, 3, 20, 14, 5), "%Y/%m/%d %H:%M"),
            "1403/12/30 14:05")
        self.assertEqual(jalali.format_date(False), "")

    def test_parse_date(self):
        cases = ["1403/5/1", "۱۴۰۳-۰۵-۰۱", "١٤٠٣.٠٥.٠١", " 1403 / 05 / 01 "]
        for text in cases:
            with self.subTest(text=text):
                self.assertEqual(jalali.parse_date(text), D(2024, 7, 22))

    def test_parse_date_refuses(self):
        cases = [
            ("1403/13/01", "month must be between 1 and 12"),
            ("1402/12/30", "Esfand 1402 has 29 days"),
            ("1403/07/31", "Mehr 1403 has 30 days"),
            ("1403/00/10", "month must be between 1 and 12"),
            ("1403/05/00", "has 31 days"),
            ("tomorrow", "write it as year/month/day"),
            ("03/05/01", "four digits"),
        ]
        for text, message in cases:
            with self.subTest(text=text), self.assertRaisesRegex(ValueError, message):
                jalali.parse_date(text)

    def test_period_range(self):
        ref = D(2024, 7, 22)  # 1403/05/01
        self.assertEqual(jalali.period_range("month", ref), (D(2024, 7, 22), D(2024, 8, 21)))
        self.assertEqual(jalali.period_range("quarter", ref), (D(2024, 6, 21), D(2024, 9, 21)))
        self.assertEqual(jalali.period_range("year", ref), (D(2024, 3, 20), D(2025, 3, 20)))
        self.assertEqual(jalali.period_range("month", D(2025, 3, 1)),
                         (D(2025, 2, 19), D(2025, 3, 20)))
        with self.assertRaisesRegex(ValueError, "unknown period"):
            jalali.period_range("week", ref)

    def test_shift_period(self):
        ref = D(2024, 7, 22)
        self.assertEqual(jalali.shift_period("month", ref, -1), D(2024, 6, 21))  # 1403/04/01
        self.assertEqual(jalali.shift_period("year", ref, -1), D(2023, 3, 21))  # 1402/01/01
        self.assertEqual(jalali.shift_period("quarter", ref, 1), D(2024, 9, 22))  # 1403/07/01

    def test_period_key(self):
        import pytz

        tehran = pytz.timezone("Asia/Tehran")
        self.assertEqual(jalali.period_key(D(2024, 7, 22), "month"), "1403/05 مرداد")
        self.assertEqual(jalali.period_key(D(2024, 7, 22), "quarter"), "1403 Q2 تابستان")
        self.assertEqual(jalali.period_key(D(2025, 3, 20), "year"), "1403")
        # 21:00 UTC on 20 March 2025 is already Nowruz 1404 in Tehran.
        late = datetime.datetime(2025, 3, 20, 21, 0)
        self.assertEqual(jalali.period_key(late, "year"), "1403")
        self.assertEqual(jalali.period_key(late, "year", tehran), "1404")
        self.assertIs(jalali.period_key(False, "month"), False)
