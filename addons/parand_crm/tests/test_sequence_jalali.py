import datetime
from unittest.mock import patch

from odoo.tests import TransactionCase, tagged

from ..models import ir_sequence
from ..models.ir_sequence import jalali_interpolation


class FrozenDatetime(datetime.datetime):
    """datetime.now() at 2026-03-20 21:00 UTC: 00:30 on 1 Farvardin 1405 in Tehran, still
    Esfand 29, 1404 in UTC."""

    @classmethod
    def now(cls, tz=None):
        value = datetime.datetime(2026, 3, 20, 21, 0, tzinfo=datetime.timezone.utc)
        return value.astimezone(tz) if tz else value.replace(tzinfo=None)


@tagged("post_install", "-at_install")
class TestJalaliSequence(TransactionCase):
    def _sequence(self, prefix, **values):
        return self.env["ir.sequence"].create({
            "name": "Complaint test", "code": "parand.test", "prefix": prefix, "padding": 5,
            **values})

    def test_placeholders(self):
        values = jalali_interpolation(datetime.date(2026, 10, 5), datetime.date(2026, 3, 21),
                                      datetime.datetime(2027, 3, 21, 8))
        self.assertEqual(
            {key: values[key] for key in ("jalali_year", "jalali_month", "jalali_day",
                                          "jalali_y")},
            {"jalali_year": "1405", "jalali_month": "07", "jalali_day": "13",
             "jalali_y": "05"})
        self.assertEqual(values["range_jalali_year"], "1405")
        self.assertEqual(values["range_jalali_month"], "01")
        self.assertEqual(values["current_jalali_year"], "1406")

    def test_prefix_with_the_jalali_year_in_the_users_time_zone(self):
        sequence = self._sequence("CMP/%(jalali_year)s/%(jalali_month)s/")
        with patch.object(ir_sequence, "datetime", FrozenDatetime):
            self.assertEqual(sequence.with_context(tz="Asia/Tehran").next_by_id(),
                             "CMP/1405/01/00001")
            self.assertEqual(sequence.with_context(tz="UTC").next_by_id(),
                             "CMP/1404/12/00002")
        # Odoo's own placeholders still work beside them, and a given date counts.
        mixed = self._sequence("X/%(jalali_y)s-%(year)s/")
        self.assertEqual(mixed.with_context(ir_sequence_date="2026-10-05").next_by_id(),
                         "X/05-2026/00001")

    def test_date_ranges_are_jalali_years(self):
        sequence = self._sequence("CMP/%(range_jalali_year)s/", use_date_range=True)
        first = sequence.next_by_id(sequence_date=datetime.date(2026, 3, 19))
        second = sequence.next_by_id(sequence_date=datetime.date(2026, 3, 20))
        nowruz = sequence.next_by_id(sequence_date=datetime.date(2026, 3, 21))
        self.assertEqual([first, second, nowruz],
                         ["CMP/1404/00001", "CMP/1404/00002", "CMP/1405/00001"])
        ranges = sequence.date_range_ids.sorted("date_from")
        self.assertEqual([(r.date_from, r.date_to) for r in ranges], [
            (datetime.date(2025, 3, 21), datetime.date(2026, 3, 20)),
            (datetime.date(2026, 3, 21), datetime.date(2027, 3, 20))])

    def test_gregorian_sequences_unchanged(self):
        sequence = self._sequence("CMP/%(range_year)s/", use_date_range=True)
        self.assertEqual(sequence.next_by_id(sequence_date=datetime.date(2026, 3, 21)),
                         "CMP/2026/00001")
        self.assertEqual(sequence.date_range_ids.date_from, datetime.date(2026, 1, 1))
