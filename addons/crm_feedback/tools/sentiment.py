# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sentiment of Persian and English customer comments, from a lexicon and Persian grammar.

Offline, pure Python, no model: the lexicon is `sentiment_lexicon`. What it reads:

- spelling: Arabic ي/ك, Persian or Arabic-Indic digits, with or without ZWNJ (می‌کنه, میکنه,
  می کنه), stretched letters (عالیییی), emoji;
- words with their suffixes: plural, pronoun and copula endings (کیفیتش, گرونه, راضی‌ام,
  مناسب‌تره), بی/نا prefixes (بی‌کیفیت, ناراضی, بی‌دردسر);
- verbs in every person and tense, formal or colloquial (ـه/ـن for ـد/ـند), negated with
  ن/نمی (جواب نمی‌ده, برنگردوندید, قبول نکردند), and compound verbs (طول کشید, لذت بردم);
- fixed phrases (دستتون درد نکنه, منتظر پاسخ هستم, never again);
- negation scope: a negated verb reverses the sentiment words before it back to the previous
  verb or conjunction (راضی نبودم, بد نبود); with none, a negated action is a complaint
  (پیک زنگ نزد); English negations reverse the next words (not worth it, nobody answers);
- intensifiers (خیلی, واقعا, very), contrast (the clause after ولی/but counts more) and
  questions (a question keeps only its strong words: «تخفیف دارید؟» is neutral).

`crm.feedback._sentiment_analyser` returns `analyse`; another module may override it.
"""

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from odoo.addons.parand_base.tools import persian
from odoo.addons.parand_base.tools.persian import fold

from . import sentiment_lexicon as lex

# Names this analyser: a digest of its code, lexicon and folding, so that any change to one
# makes the re-scoring job score the stored comments again after the upgrade.
VERSION = "lexicon-" + hashlib.sha1(b"".join(
    Path(path).read_bytes() for path in (__file__, lex.__file__, persian.__file__)),
    usedforsecurity=False,
).hexdigest()[:12]
POSITIVE_THRESHOLD = 0.4
CONTRAST_DISCOUNT = 0.5  # what the clauses before "but" keep of their weight
INTENSITY = 1.5
STRONG = 2.0  # the weight a question clause keeps


def _folded(words):
    return {fold(word) for word in words}


def _weights(positive, negative):
    weights = {fold(word): weight for word, weight in positive.items()}
    weights.update({fold(word): -weight for word, weight in negative.items()})
    return weights


FA_WORDS = _weights(lex.FA_POSITIVE, lex.FA_NEGATIVE)
EN_WORDS = _weights(lex.EN_POSITIVE, lex.EN_NEGATIVE)
FA_INTENSIFIERS = _folded(lex.FA_INTENSIFIERS)
FA_CONTRAST = _folded(lex.FA_CONTRAST)
FA_BOUNDARIES = _folded(lex.FA_BOUNDARIES)
FA_QUESTION_WORDS = _folded(lex.FA_QUESTION_WORDS)
FA_SENTENCE_ADVERBS = _folded(lex.FA_SENTENCE_ADVERBS)
EMOJI = {fold(char): weight for char, weight in lex.EMOJI.items()}

# ----------------------------------------------------------------------------- verbs
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ین", "ند", "ن", "ه", "هام", "های", "هایم",
                "هاید", "هاند", "هاست", "یه")
PRESENT_ENDINGS = ("م", "ی", "ه", "د", "یم", "ید", "ین", "ند", "ن")
PREVERBS = ("بر",)


def _verb_forms():
    """{form: (verb, negated)} for every generated form of the lexicon's verbs."""
    forms = {}

    def add(stem, endings, prefixes, verb):
        preverb = next((p for p in PREVERBS if stem.startswith(p) and len(stem) > 4), "")
        rest = stem[len(preverb):]
        for prefix, negated in prefixes:
            for ending in endings:
                forms.setdefault(preverb + prefix + rest + ending, (verb, negated))

    for name, (past, present) in lex.FA_VERBS.items():
        verb = fold(name)
        for stem in map(fold, past):
            add(stem, PAST_ENDINGS, (("", False), ("ن", True), ("می", False),
                                     ("نمی", True)), verb)
        for stem in map(fold, present):
            # One-letter stems (ر, د, گ) only with می/نمی: «بده», «نرم» are words too.
            short = len(stem) == 1 and stem != "ش"
            prefixes = (("می", False), ("نمی", True)) if short else (
                ("می", False), ("نمی", True), ("ب", False), ("ن", True))
            add(stem, PRESENT_ENDINGS, prefixes, verb)
    for form in ("است", "هست", "هستم", "هستی", "هستیم", "هستید", "هستند", "هستن", "هستین",
                 "هستش", "ست"):
        forms[form] = ("است", False)
    for form in ("نیست", "نیستم", "نیستی", "نیستیم", "نیستید", "نیستند", "نیستن", "نیستین",
                 "نیستش"):
        forms[form] = ("است", True)
    return forms


VERB_FORMS = _verb_forms()
FA_WEAK_VERBS = _folded(lex.FA_WEAK_VERBS)
FA_VERB_POLARITY = {fold(verb): weights for verb, weights in lex.FA_VERB_POLARITY.items()}
FA_COMPOUNDS = {}
for (_noun, _verb), _weights_pair in lex.FA_COMPOUNDS.items():
    FA_COMPOUNDS.setdefault(fold(_verb), {})[fold(_noun)] = _weights_pair
COMPOUND_REACH = 3

# ----------------------------------------------------------------------------- phrases
PHRASE_MARK = "\ue000"  # a phrase found in the text is replaced by this mark and its number


def _phrase_pattern(phrases):
    parts = [f"(?P<p{i}>{fold(pattern, pattern=True)})"
             for i, (pattern, _weight) in enumerate(phrases)]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)"), [w for _p, w in phrases]


FA_PHRASES, FA_PHRASE_WEIGHTS = _phrase_pattern(lex.FA_PHRASES)
EN_PHRASES, EN_PHRASE_WEIGHTS = _phrase_pattern(lex.EN_PHRASES)
EN_NEGATIONS = set(lex.EN_NEGATIONS)
EN_INTENSIFIERS = set(lex.EN_INTENSIFIERS)
EN_CONTRAST = set(lex.EN_CONTRAST)
EN_BOUNDARIES = set(lex.EN_BOUNDARIES)
EN_ACTIONS = dict(lex.EN_ACTIONS)
EN_NEGATION_REACH = 3

# ----------------------------------------------------------------------------- tokens
CLAUSE_RE = re.compile(r"([.!?؟،,;؛:\n]+)")
TOKEN_RE = re.compile(PHRASE_MARK + r"\d+|[\w']+")
PERSIAN_RE = re.compile("[\u0600-\u06ff]")
LATIN_RE = re.compile("[a-z]")
EMOJI_RE = re.compile("[\u2600-\u27bf\u2b50\U0001f000-\U0001faff]")
# Written apart from their word by a space: «می کنه», «بی کیفیت», «کتاب ها».
JOIN_NEXT = {"می", "نمی", "بی", "نا"}
JOIN_PREVIOUS = {"ها", "های", "هایی", "تون", "شون", "مون", "ام", "اش", "ای", "تر", "ترین"}
SUFFIXES = ("هایشان", "هایتان", "هایمان", "هاشون", "هاتون", "هامون", "ترین", "هایی",
            "های", "شون", "تون", "مون", "هاش", "هام", "ها", "تر", "اش", "ام", "ای", "ست",
            "یه", "ه", "ی", "ش", "م", "ت", "ید", "یم", "ن")
# Suffixes that may leave a two-letter word (بدی, بده, بدتر); others need three (not بدم).
SHORT_STEM_SUFFIXES = {"ی", "ه", "تر", "ترین", "اش", "ش"}


@lru_cache(maxsize=65536)
def _fa_word(token):
    """The lexicon weight of a Persian word with its suffixes and بی/نا prefixes, or 0."""
    weight = FA_WORDS.get(token)
    if weight is not None:
        return weight
    stem = token
    for _round in range(2):
        for suffix in SUFFIXES:
            if stem.endswith(suffix):
                rest = stem[:-len(suffix)]
                if len(rest) >= 3 or (len(rest) == 2 and suffix in SHORT_STEM_SUFFIXES):
                    if rest in FA_WORDS:
                        return FA_WORDS[rest]
                    stem = rest
                    break
        else:
            break
    for prefix in ("بی", "نا"):
        if token.startswith(prefix) and len(token) > len(prefix) + 2:
            inner = _fa_word(token[len(prefix):])
            if inner > 0 or (inner < 0 and prefix == "بی"):
                return -inner
    return 0.0


def _en_word(token):
    weight = EN_WORDS.get(token)
    if weight is None and token.endswith("'s"):
        weight = EN_WORDS.get(token[:-2])
    return weight or 0.0


def _join_split_affixes(tokens):
    joined = []
    for token in tokens:
        if joined and PHRASE_MARK not in (token[0], joined[-1][0]) and (
                token in JOIN_PREVIOUS or joined[-1] in JOIN_NEXT):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


class _Clause:
    """The running sums of one clause: committed weight and the words a negation may reverse."""

    def __init__(self, question):
        self.question = question
        self.total = 0.0
        self.pending = []  # (weight, token index) since the last verb or conjunction

    def add(self, weight, strong=False):
        if self.question and not strong and abs(weight) < STRONG:
            return
        self.total += weight

    def commit(self):
        for weight, _index in self.pending:
            self.add(weight)
        self.pending = []


def _compound(tokens, index, verb):
    """(weight when affirmative, when negated, noun index) of the compound verb ending at index."""
    nouns = FA_COMPOUNDS.get(verb)
    if not nouns:
        return None
    for back in range(1, COMPOUND_REACH + 1):
        if index - back < 0:
            break
        word = tokens[index - back]
        candidates = [word]
        stem = word
        for suffix in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                candidates.append(stem[:-len(suffix)])
                stem = stem[:-len(suffix)]
        for candidate in candidates:
            if candidate in nouns:
                return (*nouns[candidate], index - back)
        if word in FA_BOUNDARIES or word in VERB_FORMS:
            break
    return None


class _Clause:
    """One clause read word by word: the weight committed so far and the sentiment words
    since the last verb or conjunction, which a negated verb may still reverse."""

    def __init__(self, question, marks):
        self.question = question
        self.marks = marks  # the weights of the phrases replaced by PHRASE_MARK<n>
        self.total = 0.0
        self.pending = []  # (weight, token index)
        self.contrast = False
        self.boost = 1.0
        self.without = False  # after «بدون»: True reverses the next word, "verb" the verb

    def add(self, weight):
        # A question keeps only its strong words: «تخفیف دارید؟» asks, «چرا انقدر افتضاح؟» not.
        if not self.question or abs(weight) >= STRONG:
            self.total += weight

    def commit(self):
        for weight, _index in self.pending:
            self.add(weight)
        self.pending = []

    def contrasted(self):
        self.commit()
        self.total *= CONTRAST_DISCOUNT
        self.contrast = True

    # ------------------------------------------------------------------------- Persian
    def read_persian(self, tokens):
        for index, token in enumerate(tokens):
            if token.startswith(PHRASE_MARK):
                self.pending.append((self.marks[int(token[1:])] * self.boost, index))
                self.boost = 1.0
            elif token in FA_CONTRAST:
                self.contrasted()
            elif token in FA_BOUNDARIES:
                self.commit()
            elif token in FA_INTENSIFIERS:
                self.boost = INTENSITY
            elif token == "بدون":
                self.without = True
            elif self.without is True and token in ("اینکه", "این"):
                self.without = "verb"  # «بدون اینکه مشکل حل بشه»: the verb is denied
            elif token in VERB_FORMS:
                self._persian_verb(tokens, index, *VERB_FORMS[token])
            elif token in FA_QUESTION_WORDS:
                self.question = True
            else:
                self._persian_word(token, index)
        self.commit()

    def _persian_verb(self, tokens, index, name, negated):
        if self.without:
            negated, self.without = not negated, False
        found = _compound(tokens, index, name)
        weights = found[:2] if found else FA_VERB_POLARITY.get(name)
        if found:
            # The noun of a compound verb (مشکل in «مشکل داشت») counts through the verb.
            self.pending = [(w, i) for w, i in self.pending if i != found[2]]
        if weights:
            self.commit()
            self.add((weights[1] if negated else weights[0]) * self.boost)
        elif negated and self.pending:
            # The negation reverses the predicate: the sentiment word nearest the verb
            # («از شکایت ... رضایت ندارم» reverses رضایت, not شکایت).
            last, _index = self.pending.pop()
            self.commit()
            self.add(-last)
        elif negated and not self.question:
            # A negated action with no sentiment word is a complaint (پیک زنگ نزد).
            self.add(-0.5 if name in FA_WEAK_VERBS else -1.0)
        else:
            self.commit()
        self.boost = 1.0

    def _persian_word(self, token, index):
        weight = _fa_word(token)
        if not weight:
            return
        if self.without is True:
            weight, self.without = -weight, False
        if token in FA_SENTENCE_ADVERBS:
            self.add(weight)  # «متاسفانه ... نکرده‌ایم»: no negation reverses it
        else:
            self.pending.append((weight * self.boost, index))
        self.boost = 1.0

    # ------------------------------------------------------------------------- English
    def read_english(self, tokens):
        negation_left = 0  # how many more words a negation reaches
        for token in tokens:
            if token in EN_NEGATIONS:
                negation_left = EN_NEGATION_REACH
                continue
            negated = negation_left > 0
            negation_left = max(negation_left - 1, 0)
            if token.startswith(PHRASE_MARK):
                weight = self.marks[int(token[1:])]
            elif token in EN_CONTRAST:
                self.contrasted()
                negation_left = 0
                continue
            elif token in EN_BOUNDARIES:
                negation_left = 0
                continue
            elif token in EN_INTENSIFIERS:
                self.boost = INTENSITY
                continue
            elif negated and token in EN_ACTIONS:
                weight, negated = EN_ACTIONS[token], False  # nobody answers, never arrived
            else:
                weight = _en_word(token)
            if weight:
                self.add((-weight if negated else weight) * self.boost)
                self.boost, negation_left = 1.0, 0


def _replace_phrases(text, pattern, phrase_weights, marks):
    def mark(match):
        marks.append(phrase_weights[int(match.lastgroup[1:])])
        return f" {PHRASE_MARK}{len(marks) - 1} "
    return pattern.sub(mark, text)


def raw_score(text):
    """The unbounded sum of the comment's sentiment weights (> 0 praise, < 0 complaint)."""
    text = fold(text)
    if not text.strip():
        return 0.0
    total = sum(EMOJI.get(char, 0.0) for char in EMOJI_RE.findall(text))
    persian = PERSIAN_RE.search(text) is not None
    latin = LATIN_RE.search(text) is not None
    marks = []
    if persian:
        text = _replace_phrases(text, FA_PHRASES, FA_PHRASE_WEIGHTS, marks)
    if latin:
        text = _replace_phrases(text, EN_PHRASES, EN_PHRASE_WEIGHTS, marks)
    parts = CLAUSE_RE.split(text)
    for i in range(0, len(parts), 2):
        delimiter = parts[i + 1] if i + 1 < len(parts) else ""
        tokens = TOKEN_RE.findall(parts[i])
        if not tokens:
            continue
        clause = _Clause("?" in delimiter or "؟" in delimiter, marks)
        if persian:
            clause.read_persian(_join_split_affixes(tokens))
        else:
            clause.read_english(tokens)
        if clause.contrast:
            total *= CONTRAST_DISCOUNT
        total += clause.total
    return total


def analyse(text):
    """(score, label): score in -1..1, label 'positive', 'neutral' or 'negative'."""
    total = raw_score(text or "")
    score = round(total / (abs(total) + 2.0), 3)
    if total > POSITIVE_THRESHOLD:
        return score, "positive"
    if total < -POSITIVE_THRESHOLD:
        return score, "negative"
    return score, "neutral"
