"""Plain pytest, no database: the Iranian identity number algorithms and Persian text."""

import pytest

from odoo.addons.parand_crm.tools import validators


@pytest.mark.parametrize("code", ["0499370899", "0790419904", "1111111111"[:0] + "0013542419"])
def test_valid_national_codes(code):
    assert validators.is_valid_national_code(code)


@pytest.mark.parametrize("code,reason", [
    ("0499370898", "check digit"),
    ("1111111111", "identical"),
    ("12345", "10 digits"),
    ("04993708991", "10 digits"),
    ("", "10 digits"),
])
def test_invalid_national_codes(code, reason):
    assert not validators.is_valid_national_code(code)
    assert reason in validators.national_code_error(code)


def test_national_code_input_forms():
    # Persian digits, dashes, and the 8/9-digit forms printed without leading zeros.
    assert validators.clean_national_code("۰۴۹۹-۳۷۰-۸۹۹") == "0499370899"
    assert validators.clean_national_code("13542419") == "0013542419"
    assert validators.is_valid_national_code("13542419")
    assert validators.is_valid_national_code("٠٤٩٩٣٧٠٨٩٩")


def test_national_id():
    assert validators.is_valid_national_id("10380284790")
    assert validators.is_valid_national_id("۱۰۳۸۰۲۸۴۷۹۰")
    assert validators.is_valid_national_id("1038 0284 790")
    assert "check digit" in validators.national_id_error("10380284791")
    assert "11 digits" in validators.national_id_error("1038028479")
    assert "identical" in validators.national_id_error("00000000000")


def test_national_id_check_digit_ten_counts_as_zero():
    # Search the first ID whose weighted sum leaves 10: its check digit must be 0.
    for body in range(1000000000, 1000100000):
        digits = str(body)
        shift = int(digits[9]) + 2
        total = sum((int(d) + shift) * (29, 27, 23, 19, 17)[i % 5] for i, d in enumerate(digits))
        if total % 11 == 10:
            assert validators.is_valid_national_id(digits + "0")
            assert not validators.is_valid_national_id(digits + "1")
            return
    pytest.fail("no ID with remainder 10 in the range searched")


def test_postal_code():
    assert validators.postal_code_error("۱۴۳۵۹-۱۳۷۴۶") is None
    assert "10 digits" in validators.postal_code_error("12345")
