"""Iranian identity numbers: the national code of persons and the national ID of companies.

Both carry a check digit (published by the National Organization for Civil Registration):
- national code (کد ملی), 10 digits: weights 10..2 over the first nine digits, r = sum mod 11,
  check = r if r < 2 else 11 - r; ten identical digits are invalid. Old cards print 8 or 9
  digits: the leading zeros were dropped, so they are padded back.
- national ID (شناسه ملی), 11 digits: d = tenth digit + 2; the first ten digits, each plus d,
  weighted 29, 27, 23, 19, 17 (repeated), r = sum mod 11, and 10 counts as 0.
Postal codes (کد پستی) have 10 digits, often typed as two groups: 14359-13746.
"""

import re

from odoo.addons.parand_base.tools.persian import normalize_digits, only_digits

_ID_WEIGHTS = (29, 27, 23, 19, 17)
# Digits, optionally grouped by dashes or spaces as people type them.
# ASCII digits only: `\d` would let fullwidth and other scripts' digits through.
_POSTAL_CODE_INPUT = re.compile(r"^[0-9]+(?:[\s-]+[0-9]+)*$")


def clean_national_code(value):
    """Digits of a national code as typed, left-padded to 10 when 8 or 9 were given."""
    digits = only_digits(value)
    if len(digits) in (8, 9):
        digits = digits.zfill(10)
    return digits


def clean_national_id(value):
    return only_digits(value)


def national_code_error(value):
    """Why `value` is not a valid national code, or None when it is."""
    digits = clean_national_code(value)
    if len(digits) != 10:
        return "a national code has 10 digits"
    if len(set(digits)) == 1:
        return "a national code cannot be ten identical digits"
    weights = range(10, 1, -1)
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], weights, strict=True))
    remainder = total % 11
    check = remainder if remainder < 2 else 11 - remainder
    if int(digits[9]) != check:
        return "the check digit does not match"
    return None


def national_id_error(value):
    """Why `value` is not a valid national ID, or None when it is."""
    digits = clean_national_id(value)
    if len(digits) != 11:
        return "a national ID has 11 digits"
    if len(set(digits)) == 1:
        return "a national ID cannot be eleven identical digits"
    shift = int(digits[9]) + 2
    total = sum((int(digit) + shift) * _ID_WEIGHTS[index % 5]
                for index, digit in enumerate(digits[:10]))
    check = total % 11
    if check == 10:
        check = 0
    if int(digits[10]) != check:
        return "the check digit does not match"
    return None


def is_valid_national_code(value):
    return national_code_error(value) is None


def is_valid_national_id(value):
    return national_id_error(value) is None


def clean_postal_code(value):
    """An Iranian postal code as stored: its ASCII digits, the dashes and spaces typed
    between groups (14359-13746) dropped; a value holding anything else is returned
    unchanged, for postal_code_error to reject."""
    text = normalize_digits(value or "").strip()
    if _POSTAL_CODE_INPUT.match(text):
        return only_digits(text)
    return text


def postal_code_error(value):
    """Why `value` is not an Iranian postal code (10 digits), or None when it is."""
    text = normalize_digits(value or "").strip()
    if not _POSTAL_CODE_INPUT.match(text):
        return "an Iranian postal code holds only digits"
    if len(only_digits(text)) != 10:
        return "an Iranian postal code has 10 digits"
    return None
