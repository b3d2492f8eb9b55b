# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Persian text folded to one spelling, so that a lexicon entry matches every way it is typed.

The same idea as parand_crm's normalization (Arabic ي/ك, digits, tatweel, stray marks), kept
here because crm_feedback does not depend on parand_crm. For matching only, it goes further
than what is stored: the zero-width non-joiner is dropped (می‌کنه, میکنه), alef madda and
hamza forms become a plain alef, diacritics go, letters stretched for emphasis (عالیییی,
sooo) are shortened and Latin letters are lower-cased.
"""

import re

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی",  # Arabic yeh, alef maksura, yeh with hamza
    "ك": "ک",  # Arabic kaf
    "ة": "ه", "ۀ": "ه", "ە": "ه",  # teh marbuta, heh with yeh above
    "آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا",  # alef forms
    "ؤ": "و",
    "ـ": None,  # tatweel only stretches a word
    "\u200c": None,  # zero-width non-joiner: «می‌کنه» and «میکنه» are one word here
    # Persian and Arabic-Indic digits to ASCII digits.
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
})
# Diacritics, zero-width and direction marks: no meaning for matching.
_INVISIBLE = re.compile("[\u064b-\u065f\u0670\u200b\u200d\u200e\u200f\u202a-\u202e"
                        "\u2066-\u2069\ufeff\ufe0f]")
# Three or more of the same letter are an emphasis: «عالیییی», «خیییلی», "sooo".
_STRETCHED = re.compile(r"([^\W\d])\1{2,}")


def fold(text, pattern=False):
    """`text` folded for matching: one letter per sound, ASCII digits, no ZWNJ, lower case.

    With `pattern`, `text` is a regular expression: its letters are folded, its case and
    repeats are kept (\\S is not \\s).
    """
    if not text:
        return ""
    text = _INVISIBLE.sub("", text.translate(_LETTERS))
    if pattern:
        return text
    return _STRETCHED.sub(r"\1", text.lower())
