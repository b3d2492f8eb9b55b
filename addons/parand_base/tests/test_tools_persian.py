# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Persian text, no database: stored and searched, identifiers, matching, shown."""

from odoo.addons.parand_base.tools import persian
from odoo.tests import BaseCase, tagged


@tagged("tools")
class TestPersianText(BaseCase):

    def test_normalize_digits(self):
        self.assertEqual(persian.normalize_digits("۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩"),
                         "0123456789 0123456789")
        self.assertIsNone(persian.normalize_digits(None))
        self.assertEqual(persian.only_digits("۰۹۱۲-۱۲۳ ٤٥٦٧"), "09121234567")

    def test_normalize_persian_letters_and_marks(self):
        self.assertEqual(persian.normalize_persian("علي"), "علی")
        self.assertEqual(persian.normalize_persian("كاظمي"), "کاظمی")
        self.assertEqual(persian.normalize_persian("ســلام"), "سلام")
        # ZWNJ stays inside a word, goes at the edges and when doubled.
        self.assertEqual(persian.normalize_persian("می\u200cشود"), "می\u200cشود")
        self.assertEqual(persian.normalize_persian("\u200cکتاب\u200c\u200cها\u200c "),
                         "کتاب\u200cها")
        self.assertEqual(persian.normalize_persian("شرکت\u200f  پارس\u200b"), "شرکت پارس")
        self.assertEqual(persian.normalize_search("علي ۱۲"), "علی 12")

    def test_fold(self):
        self.assertEqual(persian.fold("علي  ۱۲۳ مي‌كنه آمد"), "علی  123 میکنه امد")
        self.assertEqual(persian.fold("عالیییی Sooo"), "عالی so")
        # A pattern keeps its case and its repeats.
        self.assertEqual(persian.fold(r"\Sخووب", pattern=True), r"\Sخووب")

    def test_numbers_for_the_reader(self):
        self.assertEqual(persian.to_persian_digits("1403/05/01"), "۱۴۰۳/۰۵/۰۱")
        self.assertEqual(persian.reader_number(2.5, "fa_IR", decimals=1), "۲٫۵")
        self.assertEqual(persian.reader_number(-3, "fa"), "−۳")
        self.assertEqual(persian.reader_number(2.5, "en_US", decimals=1), "2.5")
