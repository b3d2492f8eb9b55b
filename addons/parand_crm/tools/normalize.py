"""Persian text as Persian writers expect it: one set of letters, one set of digits.

Text typed on Arabic keyboards (or pasted from old systems) uses Arabic ي and ك, Arabic-Indic
or Persian digits, tatweel (ـ) to stretch words and stray zero-width characters. Stored and
searched as is, «علي» and «علی» are two different customers.
"""

import re

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"

_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)
_TO_PERSIAN_DIGITS = str.maketrans(ASCII_DIGITS, PERSIAN_DIGITS)
_LETTERS = str.maketrans({
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # Arabic alef maksura
    "ك": "ک",  # Arabic kaf
    "ة": "ه",  # teh marbuta, as Persian writes it in loanwords
    "ـ": None,  # tatweel only stretches a word
})

ZWNJ = "\u200c"
# Zero-width and direction marks that carry no meaning in stored text (ZWNJ is handled apart).
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# A ZWNJ is only meaningful between two letters of a word: «می‌شود», «کتاب‌ها».
_LOOSE_ZWNJ = re.compile(rf"(?:^|(?<=[\s{ZWNJ}]))\u200c+|\u200c+(?=\s|$)")
_REPEATED_ZWNJ = re.compile(r"\u200c{2,}")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")


def normalize_digits(text):
    """Persian and Arabic-Indic digits to ASCII digits; anything else unchanged."""
    if not text:
        return text
    return text.translate(_DIGITS)


def to_persian_digits(text):
    """ASCII digits to Persian digits, for display."""
    if not text:
        return text
    return str(text).translate(_TO_PERSIAN_DIGITS)


def normalize_persian(text):
    """Persian letters for Arabic ones, no tatweel, ZWNJ only inside words, single spaces.

    Digits are left as typed: a name may legitimately hold Persian digits; see
    normalize_digits for identifiers.
    """
    if not text:
        return text
    text = _INVISIBLE.sub("", text.translate(_LETTERS))
    text = _REPEATED_ZWNJ.sub(ZWNJ, text)
    text = _LOOSE_ZWNJ.sub("", text)
    return _SPACES.sub(" ", text).strip()


def normalize_search(text):
    """What a search term becomes: Persian letters and ASCII digits."""
    return normalize_digits(normalize_persian(text))


def only_digits(text):
    """The ASCII digits of `text` (spaces, dashes and dots typed between them dropped).

    Other scripts' digits (fullwidth ０, Devanagari ५...) are dropped too: `\\d` would keep
    them and they would be stored, and summed by int(), as if they were ASCII."""
    return re.sub(r"[^0-9]", "", normalize_digits(text or ""))
