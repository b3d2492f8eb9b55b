"""Property tests (hypothesis) of Persian text normalization: digits, letters, marks, phones.

Normalizing twice changes nothing more than normalizing once; what a normalizer removes
never comes back; digits of every script read as the same ASCII digits. Each property checks
CASES generated cases, drawn in batches of BATCH (see test_property_jalali). No database.
"""

import re

from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.parand_base.tests.property import PROPERTY, batch
from odoo.addons.parand_base.tools import persian
from odoo.tests import BaseCase, tagged

ZWNJ = "\u200c"
# Text as it reaches the CRM: Persian and Arabic letters, tatweel, digits of three scripts,
# zero-width and direction marks, every kind of space, and any other character now and then.
PERSIAN_ALPHABET = ("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىةـ" "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩0123456789"
                    "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufeff"
                    " \t\n\u00a0\u202fab.-")
persian_text = st.one_of(st.text(alphabet=PERSIAN_ALPHABET, max_size=24), st.text(max_size=12))



@tagged("property")
class TestPersianProperties(BaseCase):

    @PROPERTY
    @given(batch(persian_text))
    def test_digits(self, texts):
        for text in texts:
            ascii_text = persian.normalize_digits(text)
            self.assertEqual(len(ascii_text), len(text))
            self.assertFalse(set(ascii_text) & set("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"), text)
            self.assertEqual(persian.normalize_digits(ascii_text), ascii_text)
            # Persian digits for display read back as what was stored.
            self.assertEqual(persian.normalize_digits(persian.to_persian_digits(ascii_text)),
                             ascii_text)
            for typed, read in zip(text, ascii_text, strict=True):
                if typed != read:
                    self.assertEqual(int(read), "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩".index(typed) % 10)
            digits = persian.only_digits(text)
            self.assertRegex(digits, r"^[0-9]*\Z")
            self.assertEqual(digits, "".join(c for c in ascii_text if c in "0123456789"))
            self.assertEqual(persian.only_digits(digits), digits)

    @PROPERTY
    @given(batch(persian_text))
    def test_persian_letters_idempotent(self, texts):
        for text in texts:
            once = persian.normalize_persian(text)
            self.assertEqual(persian.normalize_persian(once), once, repr(text))
            if not text:
                continue
            self.assertFalse(set(once) & set("يكىةـ\u200b\u200d\u200e\u200f\ufeff"), repr(text))
            self.assertEqual(once, once.strip())
            self.assertNotIn("  ", once)
            self.assertNotIn(ZWNJ * 2, once)
            # A ZWNJ stays only between two non-space characters.
            self.assertIsNone(re.search(rf"(^|\s){ZWNJ}|{ZWNJ}(\s|$)", once), repr(once))
            # Digits are left as typed (a name may hold Persian digits).
            self.assertEqual([c for c in once if c.isdigit()],
                             [c for c in text if c.isdigit()])
            search = persian.normalize_search(text)
            self.assertEqual(persian.normalize_search(search), search, repr(text))
            self.assertEqual(search, persian.normalize_digits(once))

    @PROPERTY
    @given(batch(st.sampled_from(["", "+98", "0098", "98"]), st.text(alphabet="0123456789",
                 min_size=10, max_size=10), st.sampled_from([None, "۰۱۲۳۴۵۶۷۸۹",
                                                             "٠١٢٣٤٥٦٧٨٩"]),
                 st.sampled_from(["", " ", "-", ".", " - "])))
    def test_phone_digits_whatever_the_typing(self, cases):
        for prefix, number, script, separator in cases:
            text = number if script is None else number.translate(
                str.maketrans("0123456789", script))
            typed = prefix + separator.join([text[:3], text[3:6], text[6:]])
            self.assertEqual(persian.only_digits(typed), prefix.lstrip("+") + number)
