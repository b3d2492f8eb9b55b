"""No database: the Iranian identity number algorithms."""

from odoo.addons.parand_crm.tools import validators
from odoo.tests import BaseCase, tagged


@tagged("tools")
class TestValidators(BaseCase):

    def test_valid_national_codes(self):
        cases = ["0499370899", "0790419904", "1111111111"[:0] + "0013542419"]
        for code in cases:
            with self.subTest(code=code):
                self.assertTrue(validators.is_valid_national_code(code))

    def test_invalid_national_codes(self):
        cases = [
            ("0499370898", "check digit"),
            ("1111111111", "identical"),
            ("12345", "10 digits"),
            ("04993708991", "10 digits"),
            ("", "10 digits"),
        ]
        for code, reason in cases:
            with self.subTest(code=code, reason=reason):
                self.assertFalse(validators.is_valid_national_code(code))
                self.assertIn(reason, validators.national_code_error(code))

    def test_national_code_input_forms(self):
        # Persian digits, dashes, and the 8/9-digit forms printed without leading zeros.
        self.assertEqual(validators.clean_national_code("۰۴۹۹-۳۷۰-۸۹۹"), "0499370899")
        self.assertEqual(validators.clean_national_code("13542419"), "0013542419")
        self.assertTrue(validators.is_valid_national_code("13542419"))
        self.assertTrue(validators.is_valid_national_code("٠٤٩٩٣٧٠٨٩٩"))

    def test_national_id(self):
        self.assertTrue(validators.is_valid_national_id("10380284790"))
        self.assertTrue(validators.is_valid_national_id("۱۰۳۸۰۲۸۴۷۹۰"))
        self.assertTrue(validators.is_valid_national_id("1038 0284 790"))
        self.assertIn("check digit", validators.national_id_error("10380284791"))
        self.assertIn("11 digits", validators.national_id_error("1038028479"))
        self.assertIn("identical", validators.national_id_error("00000000000"))

    def test_national_id_check_digit_ten_counts_as_zero(self):
        # Search the first ID whose weighted sum leaves 10: its check digit must be 0.
        for body in range(1000000000, 1000100000):
            digits = str(body)
            shift = int(digits[9]) + 2
            total = sum((int(d) + shift) * (29, 27, 23, 19, 17)[i % 5]
                        for i, d in enumerate(digits))
            if total % 11 == 10:
                self.assertTrue(validators.is_valid_national_id(digits + "0"))
                self.assertFalse(validators.is_valid_national_id(digits + "1"))
                return
        self.fail("no ID with remainder 10 in the range searched")

    def test_postal_code(self):
        self.assertIsNone(validators.postal_code_error("۱۴۳۵۹-۱۳۷۴۶"))
        self.assertIn("10 digits", validators.postal_code_error("12345"))
