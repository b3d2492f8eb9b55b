"""Property tests (hypothesis) of the Iranian identity numbers and postal codes.

The reference below is the published algorithm (see validators' docstring) written again
independently; the validators must agree with it on any string of digits, accept a valid
number whatever digits and separators it is typed with, and refuse what the checksum
refuses. Each property checks CASES generated cases, drawn in batches of BATCH (see
test_property_jalali). No database.
"""

from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.parand_base.tests.property import PROPERTY, batch
from odoo.addons.parand_crm.tools import validators
from odoo.tests import BaseCase, tagged

PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
ID_WEIGHTS = (29, 27, 23, 19, 17)



def code_remainder(body):
    return sum(int(d) * w for d, w in zip(body, range(10, 1, -1), strict=True)) % 11


def code_check(body):
    remainder = code_remainder(body)
    return remainder if remainder < 2 else 11 - remainder


def id_remainder(body):
    shift = int(body[9]) + 2
    return sum((int(d) + shift) * ID_WEIGHTS[i % 5] for i, d in enumerate(body)) % 11


def id_check(body):
    return id_remainder(body) % 10  # a remainder of 10 counts as 0


def reference_code_valid(digits):
    return (len(digits) == 10 and len(set(digits)) > 1
            and int(digits[9]) == code_check(digits[:9]))


def reference_id_valid(digits):
    return (len(digits) == 11 and len(set(digits)) > 1
            and int(digits[10]) == id_check(digits[:10]))


def typed(digits, script, separator, group):
    """`digits` as a person may type them: another script, grouped by a separator."""
    text = digits.translate(script) if script else digits
    return separator.join(text[i:i + group] for i in range(0, len(text), group))


digit_strings = st.text(alphabet="0123456789", min_size=0, max_size=13)
scripts = st.sampled_from([None, PERSIAN, ARABIC_INDIC])
separators = st.sampled_from(["", "-", " ", " - "])
groups = st.integers(1, 11)
# Any text, weighted towards what such fields receive: digits of every script and noise.
noisy = st.one_of(st.text(max_size=14), st.text(
    alphabet="0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٠１２- ./\t", max_size=14), st.none())


@tagged("property")
class TestIdentityProperties(BaseCase):

    @PROPERTY
    @given(batch(st.text(alphabet="0123456789", min_size=9, max_size=9), scripts, separators,
                 groups, st.integers(0, 8), st.integers(1, 9)))
    def test_national_code_checksum(self, cases):
        for body, script, separator, group, position, delta in cases:
            code = body + str(code_check(body))
            valid = len(set(code)) > 1
            self.assertEqual(validators.is_valid_national_code(code), valid, code)
            # Typed with Persian or Arabic-Indic digits, in groups: the same code, same answer.
            shown = typed(code, script, separator, group)
            self.assertEqual(validators.clean_national_code(shown), code, shown)
            self.assertEqual(validators.is_valid_national_code(shown), valid, shown)
            if valid and code.startswith("0"):
                # Old cards drop the leading zeros (8 or 9 digits left).
                short = code.lstrip("0")
                if len(short) >= 8:
                    self.assertTrue(validators.is_valid_national_code(short), short)
            # Every other check digit is refused.
            for check in set("0123456789") - {code[9]}:
                self.assertRegex(validators.national_code_error(body + check),
                                 "check digit|identical")
            # A mistyped digit of the body is refused, except where the published algorithm
            # gives two remainders (1 and 10) the same check digit 1.
            wrong = str((int(body[position]) + delta) % 10)
            corrupted = body[:position] + wrong + body[position + 1:] + code[9]
            accepted = validators.is_valid_national_code(corrupted)
            if accepted:
                self.assertEqual({code_remainder(body), code_remainder(corrupted[:9])},
                                 {1, 10}, corrupted)

    @PROPERTY
    @given(batch(st.text(alphabet="0123456789", min_size=10, max_size=10), scripts,
                 separators, groups, st.integers(0, 9), st.integers(1, 9)))
    def test_national_id_checksum(self, cases):
        for body, script, separator, group, position, delta in cases:
            code = body + str(id_check(body))
            valid = len(set(code)) > 1
            self.assertEqual(validators.is_valid_national_id(code), valid, code)
            shown = typed(code, script, separator, group)
            self.assertEqual(validators.clean_national_id(shown), code, shown)
            self.assertEqual(validators.is_valid_national_id(shown), valid, shown)
            for check in set("0123456789") - {code[10]}:
                self.assertRegex(validators.national_id_error(body + check),
                                 "check digit|identical")
            # A mistyped digit is refused, except where remainders 10 and 0 share the check 0.
            wrong = str((int(body[position]) + delta) % 10)
            corrupted = body[:position] + wrong + body[position + 1:] + code[10]
            if validators.is_valid_national_id(corrupted):
                self.assertEqual({id_remainder(body), id_remainder(corrupted[:10])},
                                 {0, 10}, corrupted)
            self.assertEqual(validators.is_valid_national_id(corrupted),
                             reference_id_valid(corrupted), corrupted)

    @PROPERTY
    @given(batch(st.one_of(digit_strings, noisy)))
    def test_identity_numbers_any_text(self, values):
        for value in values:
            for error in (validators.national_code_error(value),
                          validators.national_id_error(value)):
                self.assertTrue(error is None or isinstance(error, str), value)
            digits = validators.clean_national_code(value)
            # What is stored holds ASCII digits only, whatever digits were typed.
            self.assertTrue(set(digits) <= set("0123456789"), repr(digits))
            self.assertTrue(set(validators.clean_national_id(value)) <= set("0123456789"))
            # On digits alone, the validators agree with the published algorithm.
            self.assertEqual(validators.is_valid_national_code(value),
                             reference_code_valid(digits), value)
            self.assertEqual(validators.is_valid_national_id(value),
                             reference_id_valid(validators.clean_national_id(value)), value)

    @PROPERTY
    @given(batch(st.text(alphabet="0123456789", min_size=10, max_size=10), scripts,
                 st.sampled_from(["", "-", " ", " - "]), st.integers(1, 9)))
    def test_postal_code_typed_forms(self, cases):
        for code, script, separator, cut in cases:
            text = code.translate(script) if script else code
            shown = f" {text[:cut]}{separator}{text[cut:]} "
            self.assertIsNone(validators.postal_code_error(shown), shown)
            self.assertEqual(validators.clean_postal_code(shown), code, shown)
            self.assertIn("10 digits", validators.postal_code_error(shown + "1"))
            self.assertIn("10 digits", validators.postal_code_error(text[1:]))

    @PROPERTY
    @given(batch(noisy))
    def test_postal_code_any_text(self, values):
        for value in values:
            error = validators.postal_code_error(value)
            cleaned = validators.clean_postal_code(value)
            if error is None:
                # Accepted: stored as exactly ten ASCII digits, and accepted again as stored.
                self.assertRegex(cleaned, r"^[0-9]{10}\Z", value)
                self.assertIsNone(validators.postal_code_error(cleaned))
            else:
                self.assertIsInstance(error, str)
            self.assertEqual(validators.clean_postal_code(cleaned), cleaned, value)
