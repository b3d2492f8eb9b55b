# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""No database: the Persian/English sentiment analyser, rule by rule.

The figures on realistic comments are in test_sentiment_evaluation.py.
"""

from odoo.addons.crm_feedback.tools.sentiment import VERB_FORMS, analyse
from odoo.addons.parand_base.tools.persian import fold
from odoo.tests import BaseCase, tagged


@tagged("tools")
class TestSentiment(BaseCase):

    def test_labels(self):
        cases = [
            ("خیلی عالی بود، ممنون", "positive"),
            ("کالا خراب و دیر رسید", "negative"),
            ("اصلا راضی نیستم", "negative"),           # negation reverses a positive word
            ("پشتیبانی خوب نبود", "negative"),
            ("دیگه نمی‌خرم، افتضاح", "negative"),
            ("ارسال سريع", "positive"),               # Arabic yeh is read as Persian yeh
            ("Very good service, thanks", "positive"),
            ("not good at all", "negative"),
            ("The order arrived on Monday", "neutral"),
            ("", "neutral"),
        ]
        for text, label in cases:
            with self.subTest(text=text, label=label):
                self.assertEqual(analyse(text)[1], label)

    def test_persian_grammar(self):
        cases = [
            # spelling: Arabic letters, stretched letters, ZWNJ, a space or nothing between affixes
            ("خيلي راضي هستم", "positive"),
            ("خیــــلی عالیییی", "positive"),
            ("قیمتش مناسب‌تره", "positive"),
            ("قیمتش مناسبتره", "positive"),
            ("بی‌کیفیته", "negative"),
            ("بی کیفیت بود", "negative"),
            ("ناراضی‌ام", "negative"),
            ("بی‌دردسر بود", "positive"),             # بی before a complaint is praise
            # verbs: ن/نمی, colloquial endings, compound verbs
            ("کار نمیکنه", "negative"),
            ("کار نمی کنه", "negative"),
            ("کار نمی‌کند", "negative"),
            ("پول رو پس نمیدن", "negative"),
            ("پولمو برگردوندن", "positive"),
            ("مشکلم حل شد", "positive"),
            ("مشکلم حل نشد", "negative"),
            ("کسی تماس نگرفت", "negative"),           # a negated action with no sentiment word
            ("محصول رو دوست داشتم", "positive"),
            ("اصلا دوست نداشتم", "negative"),
            ("سفارش رو فردا تحویل می‌گیرم", "neutral"),
            # negation scope
            ("هیچ مشکلی نداشتم", "positive"),
            ("گرون نبود", "positive"),
            ("بد نبود", "positive"),
            ("بدون هیچ مشکلی تحویل شد", "positive"),
            ("متاسفانه جوابی نگرفتم", "negative"),    # the negation does not reverse «متاسفانه»
            # contrast: the clause after ولی counts more
            ("خوب بود ولی خیلی دیر رسید", "negative"),
            ("دیر رسید ولی خیلی خوب بود", "positive"),
            # questions keep only their strong words; digits in any script
            ("تخفیف دارید؟", "neutral"),
            ("سفارش ۱۲۳ کی می‌رسه؟", "neutral"),
            ("👍", "positive"),
            ("😡", "negative"),
            ("It doesn't work", "negative"),
            ("Nobody answered my emails", "negative"),
            ("not bad, quite good", "positive"),
            ("I couldn't be happier", "positive"),
            ("I did not like it", "negative"),
            ("Please send the invoice", "neutral"),
        ]
        for text, label in cases:
            with self.subTest(text=text, label=label):
                self.assertEqual(analyse(text)[1], label)

    def test_verb_forms(self):
        self.assertEqual(VERB_FORMS[fold("نمی‌ده")], ("دادن", True))
        self.assertEqual(VERB_FORMS[fold("برنگردوندید")], ("برگرداندن", True))
        self.assertEqual(VERB_FORMS[fold("نکرده‌اند")], ("کردن", True))
        self.assertEqual(VERB_FORMS[fold("میاد")], ("امدن", False))
        self.assertEqual(VERB_FORMS[fold("نیست")], ("است", True))
        # Words that look like verbs of one-letter stems stay words.
        for word in ("بده", "نرم", "کند"):
            self.assertNotIn(word, VERB_FORMS)

    def test_score_is_bounded_and_intensifiers_weigh_more(self):
        self.assertTrue(-1 <= analyse("بد بد بد بد")[0] <= 1)
        self.assertGreater(analyse("خیلی خوب")[0], analyse("خوب")[0])
        self.assertEqual(analyse("")[0], 0)
        self.assertEqual(analyse(None), (0.0, "neutral"))
