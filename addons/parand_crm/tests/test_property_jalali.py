"""Property tests (hypothesis) of the Jalali helpers over the whole range jdatetime supports.

Jalali years 1 to 9377 (jdatetime's MINYEAR and MAXYEAR), i.e. Gregorian 622-03-22 to
9999-03-20. Typed dates need a year of at least three digits (parse_date refuses 1/1/1).
Every helper either answers or raises the ValueError it documents; nothing else escapes.
No database: plain BaseCase, run by Odoo's runner and by pytest-odoo.

Each property checks CASES generated cases: hypothesis draws them in batches of BATCH (one
example is a list of BATCH values), which costs a tenth of hypothesis' per-example overhead
and keeps the whole property suite within a couple of minutes; a failing batch still
shrinks to the single value that breaks the property.
"""

import datetime

import jdatetime
from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.addons.parand_base.tests.property import BATCH, CASES, PROPERTY, batch
from odoo.addons.parand_crm.tools import jalali
from odoo.tests import BaseCase, tagged

FIRST_DAY = jdatetime.date(jdatetime.MINYEAR, 1, 1).togregorian()
LAST_DAY = jdatetime.date(jdatetime.MAXYEAR, 12, 30).togregorian()  # 9377 is a leap year
FIRST_TYPED_DAY = jdatetime.date(100, 1, 1).togregorian()

dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)
typed_dates = st.dates(min_value=FIRST_TYPED_DAY, max_value=LAST_DAY)
short_year_dates = st.dates(min_value=FIRST_DAY,
                            max_value=FIRST_TYPED_DAY - datetime.timedelta(days=1))
SEPARATORS = st.sampled_from(["/", "-", ".", " / ", "- ", " ."])
# What a user may type into a date field: digits of three scripts, separators, spaces, noise.
typed_text = st.text(alphabet=st.sampled_from(list(
    "0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/-. \t\u200cax\n")), max_size=16)


def _triple(value):
    jvalue = jalali.to_jalali(value)
    return jvalue.year, jvalue.month, jvalue.day


@tagged("property")
class TestJalaliProperties(BaseCase):

    @PROPERTY
    @given(batch(dates))
    def test_gregorian_jalali_round_trip(self, values):
        for value in values:
            year, month, day = _triple(value)
            self.assertTrue(jdatetime.MINYEAR <= year <= jdatetime.MAXYEAR, value)
            self.assertTrue(1 <= month <= 12, value)
            self.assertTrue(1 <= day <= jalali.month_length(year, month), value)
            self.assertEqual(jalali.from_jalali(year, month, day), value)

    @PROPERTY
    @given(batch(st.integers(jdatetime.MINYEAR, jdatetime.MAXYEAR), st.integers(-2, 14),
                 st.one_of(st.just(1), st.integers(-2, 33))))
    def test_from_jalali_accepts_exactly_the_days_of_the_calendar(self, triples):
        for year, month, day in triples:
            exists = 1 <= month <= 12 and 1 <= day <= jalali.month_length(year, month)
            try:
                value = jalali.from_jalali(year, month, day)
            except ValueError as error:
                self.assertFalse(exists, f"{year}/{month}/{day} refused: {error}")
                self.assertIn("is not a Jalali date", str(error))
                continue
            self.assertTrue(exists, f"{year}/{month}/{day} accepted as {value}")
            self.assertEqual(_triple(value), (year, month, day))
            if year < jdatetime.MAXYEAR and (month, day) == (1, 1):
                # A year lasts 366 days when is_leap says so, 365 otherwise.
                length = (jalali.from_jalali(year + 1, 1, 1) - value).days
                self.assertEqual(length, 366 if jalali.is_leap(year) else 365, year)
                self.assertEqual(sum(jalali.month_length(year, m) for m in range(1, 13)),
                                 length)

    @PROPERTY
    @given(batch(typed_dates, SEPARATORS, st.sampled_from(["latin", "persian"]),
                 st.booleans()))
    def test_format_parse_round_trip(self, cases):
        for value, separator, digits, as_datetime in cases:
            fmt = f"%Y{separator}%m{separator}%d"
            shown = value
            if as_datetime:
                shown = datetime.datetime.combine(value, datetime.time(23, 59))
            text = jalali.format_date(shown, fmt, digits=digits)
            self.assertEqual(jalali.parse_date(text), value, text)
            # Leading zeros dropped, Arabic-Indic digits (Arabic keyboards): the same day.
            year, month, day = _triple(value)
            loose = f" {year}{separator}{month}{separator}{day} ".translate(
                str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
            self.assertEqual(jalali.parse_date(loose), value, loose)

    @PROPERTY
    @given(batch(short_year_dates))
    def test_short_years_are_refused(self, values):
        for value in values:
            year, month, day = _triple(value)
            with self.assertRaisesRegex(ValueError, "four digits"):
                jalali.parse_date(f"{year}/{month}/{day}")

    @PROPERTY
    @given(batch(st.one_of(typed_text, st.text(max_size=12), st.none())))
    def test_parse_date_answers_a_date_or_value_error(self, texts):
        for text in texts:
            try:
                value = jalali.parse_date(text)
            except ValueError as error:
                self.assertIn("Jalali date", str(error))
                continue
            self.assertIsInstance(value, datetime.date)
            # What was accepted is written back as the same day.
            self.assertEqual(jalali.parse_date(jalali.format_date(value)), value, text)

    @PROPERTY
    @given(batch(dates, st.sampled_from(["month", "quarter", "year"])))
    def test_period_contains_the_date_and_tiles_the_calendar(self, cases):
        for value, kind in cases:
            start, end = jalali.period_range(kind, value)
            self.assertLessEqual(start, value)
            self.assertLessEqual(value, end)
            self.assertEqual(_triple(start)[2], 1)
            key = jalali.period_key(value, kind)
            self.assertEqual(jalali.period_key(start, kind), key)
            self.assertEqual(jalali.period_key(end, kind), key)
            self.assertEqual(jalali.period_start(value, kind), start)
            self.assertEqual(jalali.period_label(start, kind), jalali.period_label(end, kind))
            if end < LAST_DAY:
                following = jalali.next_period_start(start, kind)
                self.assertEqual(following, end + datetime.timedelta(days=1))
                # Keys sort as the periods do, as text.
                self.assertGreater(jalali.period_key(following, kind), key)
                self.assertEqual(jalali.shift_period(kind, value, 1), following)

    @settings(PROPERTY, max_examples=CASES // BATCH // 10)
    @given(batch(dates, st.text(max_size=8)))
    def test_unknown_period_kind_is_a_value_error(self, cases):
        for value, kind in cases:
            if kind in ("day", "month", "quarter", "year"):
                continue
            with self.assertRaisesRegex(ValueError, "unknown period"):
                jalali.period_range(kind, value)
            with self.assertRaisesRegex(ValueError, "unknown period"):
                jalali.period_key(value, kind)
            with self.assertRaisesRegex(ValueError, "unknown period"):
                jalali.period_label(value, kind)
