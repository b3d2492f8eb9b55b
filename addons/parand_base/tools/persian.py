# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Persian text as Persian writers expect it: one set of letters, one set of digits.

Text typed on Arabic keyboards (or pasted from old systems) uses Arabic ي and ك, Arabic-Indic
or Persian digits, tatweel (ـ) to stretch words and stray zero-width characters. Stored and
searched as is, «علي» and «علی» are two different customers.

The maps are kept here once, for every Parand addon; each function says what its text is
for: stored and searched (normalize_persian, normalize_search), identifiers (normalize_digits,
only_digits), matching words whatever their spelling (fold), or shown to a reader
(to_persian_digits, reader_number).
"""

import re

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ASCII_DIGITS = "0123456789"
ZWNJ = "\u200c"

# Translation maps (str.translate), each use adding what its purpose needs.
DIGITS_TO_ASCII = str.maketrans(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, ASCII_DIGITS * 2)
DIGITS_TO_PERSIAN = str.maketrans(ASCII_DIGITS, PERSIAN_DIGITS)
# The Arabic letters Persian text is typed with, as Persian writes them.
ARABIC_LETTERS = str.maketrans({
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # Arabic alef maksura
    "ك": "ک",  # Arabic kaf
    "ة": "ه",  # teh marbuta, as Persian writes it in loanwords
    "ـ": None,  # tatweel only stretches a word
})
# Zero-width and direction marks that carry no meaning in stored text (ZWNJ is handled apart),
# as the inside of a regular expression's character class.
INVISIBLE_MARKS = "\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"

_INVISIBLE = re.compile(f"[{INVISIBLE_MARKS}]")
# A ZWNJ is only meaningful between two letters of a word: «می‌شود», «کتاب‌ها».
_LOOSE_ZWNJ = re.compile(rf"(?:^|(?<=[\s{ZWNJ}]))\u200c+|\u200c+(?=\s|$)")
_REPEATED_ZWNJ = re.compile(r"\u200c{2,}")
_SPACES = re.compile(r"[ \t\u00a0\u202f]+")

# For matching only: the forms a word is also typed with, beyond ARABIC_LETTERS.
_FOLD = {
    **ARABIC_LETTERS,
    **DIGITS_TO_ASCII,
    **str.maketrans({
        "ئ": "ی",  # yeh with hamza
        "ۀ": "ه", "ە": "ه",  # heh with yeh above, Kurdish ae
        "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا",  # alef forms
        "ؤ": "و",
        ZWNJ: None,  # «می‌کنه» and «میکنه» are one word here
    }),
}
# Diacritics, the emoji variation selector and the invisible marks: no meaning for matching.
_FOLD_INVISIBLE = re.compile(f"[\u064b-\u065f\u0670{INVISIBLE_MARKS}\ufe0f]")
# Three or more of the same letter are an emphasis: «عالیییی», «خیییلی», "sooo".
_STRETCHED = re.compile(r"([^\W\d])\1{2,}")
# A number as a Persian reader writes it: Persian digits, the Persian decimal separator and
# a true minus sign.
_READER_NUMBER = {**DIGITS_TO_PERSIAN, **str.maketrans(".-", "٫−")}


def normalize_digits(text):
    """Persian and Arabic-Indic digits to ASCII digits; anything else unchanged."""
    if not text:
        return text
    return text.translate(DIGITS_TO_ASCII)


def to_persian_digits(text):
    """ASCII digits to Persian digits, for display."""
    if not text:
        return text
    return str(text).translate(DIGITS_TO_PERSIAN)


def normalize_persian(text):
    """Persian letters for Arabic ones, no tatweel, ZWNJ only inside words, single spaces.

    Digits are left as typed: a name may legitimately hold Persian digits; see
    normalize_digits for identifiers.
    """
    if not text:
        return text
    text = _INVISIBLE.sub("", text.translate(ARABIC_LETTERS))
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


def fold(text, pattern=False):
    """`text` folded for matching: one letter per sound, ASCII digits, no ZWNJ, lower case.

    Further than what is stored: alef madda and hamza forms become a plain alef, diacritics
    go, letters stretched for emphasis (عالیییی, sooo) are shortened. With `pattern`, `text`
    is a regular expression: its letters are folded, its case and repeats are kept (\\S is
    not \\s).
    """
    if not text:
        return ""
    text = _FOLD_INVISIBLE.sub("", text.translate(_FOLD))
    if pattern:
        return text
    return _STRETCHED.sub(r"\1", text.lower())


def reader_number(value, lang, decimals=0):
    """``value`` as a reader of ``lang`` writes it: 2.5 -> "۲٫۵" in Persian (fa, fa_IR),
    "2.5" otherwise. ``decimals`` digits after the separator."""
    text = f"{value:.{decimals}f}"
    if (lang or "").split("_")[0] == "fa":
        return text.translate(_READER_NUMBER)
    return text
