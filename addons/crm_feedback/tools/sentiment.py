# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A small lexicon-based sentiment analyser for Persian and English comments.

Offline and dependency free: the lexicon is shipped here. It handles Arabic letter variants
(ي, ك), the zero-width non-joiner, negation (نه، نمی‌، not, never, ...) and intensifiers.
The model calls `analyse` through `crm.feedback._sentiment_analyser`, which another module
may override to plug in a better analyser.
"""

import re

POSITIVE = {
    # English
    "good", "great", "excellent", "perfect", "happy", "satisfied", "love", "loved", "nice",
    "fast", "quick", "helpful", "friendly", "recommend", "thanks", "thank", "amazing",
    "awesome", "best", "easy", "polite", "professional", "pleased", "wonderful", "reliable",
    # Persian
    "خوب", "عالی", "عالیه", "ممنون", "ممنونم", "متشکرم", "سپاس", "راضی", "رضایت", "سریع",
    "دقیق", "مودب", "مؤدب", "حرفه‌ای", "بهترین", "بهتر", "خوشحال", "پیشنهاد", "آسان", "راحت",
    "کامل", "مفید", "خوش", "قشنگ", "فوق‌العاده", "محترم", "صبور", "موفق", "باکیفیت",
}
NEGATIVE = {
    # English
    "bad", "poor", "terrible", "awful", "slow", "late", "broken", "angry", "disappointed",
    "unhappy", "rude", "worst", "problem", "issue", "complaint", "never", "expensive",
    "useless", "hard", "difficult", "delay", "delayed", "wrong", "fault", "faulty", "refund",
    # Persian
    "بد", "بدترین", "ضعیف", "افتضاح", "کند", "دیر", "تأخیر", "تاخیر", "خراب", "ناراضی",
    "عصبانی", "گران", "گرون", "مشکل", "شکایت", "بی‌ادب", "بی‌کیفیت", "اشتباه", "معیوب",
    "ناامید", "نارضایتی", "سخت", "پیچیده", "متاسفانه", "متأسفانه", "بدقول", "داغون",
}
NEGATIONS = {"not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "nothing",
             "نه", "نیست", "نیستم", "نیستیم", "نبود", "نبودم", "نبودیم", "هیچ", "بدون"}
INTENSIFIERS = {"very", "really", "so", "extremely", "too", "خیلی", "بسیار", "واقعا", "واقعاً",
                "کاملا", "کاملاً", "اصلا", "اصلاً"}
# Persian verbs in the continuous negative (نمی‌خرم، نمی‌آیم) flip the clause like "not".
NEG_VERB_PREFIX = "نمی"
TOKEN_RE = re.compile(r"[\w\u200c']+", re.UNICODE)
CLAUSE_RE = re.compile(r"[.!?؟،,;؛\n]+")
ARABIC = str.maketrans({"ي": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "أ": "أ"})
POSITIVE_THRESHOLD = 0.1


def _tokens(clause):
    clause = clause.translate(ARABIC).lower()
    return [token.strip("\u200c") for token in TOKEN_RE.findall(clause)]


def _is_negated_verb(token):
    return token.startswith(NEG_VERB_PREFIX) and token not in POSITIVE | NEGATIVE


def analyse(text):
    """(score, label): score in -1..1, label 'positive', 'neutral' or 'negative'.

    Each clause sums its lexicon hits (doubled after an intensifier); a negation word or a
    negated verb in the clause flips that sum.
    """
    if not text or not text.strip():
        return 0.0, "neutral"
    total = hits = 0.0
    for clause in CLAUSE_RE.split(text):
        tokens = _tokens(clause)
        clause_sum, negated, boost = 0.0, False, 1.0
        for token in tokens:
            if token in NEGATIONS or _is_negated_verb(token):
                negated = True
                continue
            if token in INTENSIFIERS:
                boost = 2.0
                continue
            polarity = 1.0 if token in POSITIVE else -1.0 if token in NEGATIVE else 0.0
            if polarity:
                clause_sum += polarity * boost
                hits += 1
                boost = 1.0
        total += -clause_sum if negated else clause_sum
    if not hits:
        return 0.0, "neutral"
    score = max(-1.0, min(1.0, total / (hits + 1.0)))
    score = round(score, 3)
    if score > POSITIVE_THRESHOLD:
        return score, "positive"
    if score < -POSITIVE_THRESHOLD:
        return score, "negative"
    return score, "neutral"
