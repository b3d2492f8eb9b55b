"""No database: Iran's holidays and postal codes."""

import datetime

from odoo.addons.parand_crm.tools import holidays_ir, validators
from odoo.tests import BaseCase, tagged


@tagged("tools")
class TestHolidays(BaseCase):

    def test_iran_holidays_known_days(self):
        days = dict(holidays_ir.iran_holidays([2025]))
        # Nowruz: 1404/01/01 = 2025-03-21; Islamic Revolution Day: 22 Bahman = 2025-02-10.
        self.assertIn(datetime.date(2025, 3, 21), days)
        self.assertIn(datetime.date(2025, 2, 10), days)
        self.assertNotIn(datetime.date(2025, 3, 18), days)
        self.assertEqual(list(days), sorted(days))

    def test_iran_holidays_in_persian(self):
        names = dict(holidays_ir.iran_holidays([2025], "fa_IR"))
        self.assertIn("نوروز", names[datetime.date(2025, 3, 21)])
        # An unknown language falls back to English instead of failing.
        self.assertTrue(
            dict(holidays_ir.iran_holidays([2025], "xx_XX"))[datetime.date(2025, 3, 21)])

    def test_day_range_utc_is_tehran_day(self):
        start, end = holidays_ir.day_range_utc(datetime.date(2025, 3, 21))
        # Tehran is UTC+03:30 since 2022 (no daylight saving time).
        self.assertEqual(start, datetime.datetime(2025, 3, 20, 20, 30))
        self.assertEqual(end, datetime.datetime(2025, 3, 21, 20, 29, 59))

    def test_postal_code_clean_and_errors(self):
        self.assertEqual(validators.clean_postal_code("۱۴۳۵۹-۱۳۷۴۶"), "1435913746")
        self.assertEqual(validators.clean_postal_code(" 14359 13746 "), "1435913746")
        self.assertEqual(validators.clean_postal_code("١٤٣٥٩١٣٧٤٦"), "1435913746")
        self.assertEqual(validators.clean_postal_code("1435A13746"), "1435A13746")
        self.assertIsNone(validators.postal_code_error("1435913746"))
        self.assertIn("only digits", validators.postal_code_error("1435A13746"))
        self.assertIn("10 digits", validators.postal_code_error("143591374"))
        self.assertIn("10 digits", validators.postal_code_error("14359137460"))
