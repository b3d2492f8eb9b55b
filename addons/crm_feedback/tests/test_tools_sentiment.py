# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Plain pytest, no database: the Persian/English lexicon sentiment analyser."""

import pytest

from odoo.addons.crm_feedback.tools.sentiment import analyse


@pytest.mark.parametrize("text,label", [
    ("خیلی عالی بود، ممنون", "positive"),
    ("کالا خراب و دیر رسید", "negative"),
    ("اصلا راضی نیستم", "negative"),           # negation flips a positive word
    ("پشتیبانی خوب نبود", "negative"),
    ("دیگه نمی‌خرم، افتضاح", "negative"),
    ("ارسال سريع", "positive"),               # Arabic yeh is read as Persian yeh
    ("Very good service, thanks", "positive"),
    ("not good at all", "negative"),
    ("The order arrived on Monday", "neutral"),
    ("", "neutral"),
])
def test_labels(text, label):
    assert analyse(text)[1] == label


def test_score_is_bounded_and_intensifiers_weigh_more():
    assert -1 <= analyse("بد بد بد بد")[0] <= 1
    assert analyse("خیلی خوب")[0] > analyse("خوب")[0]
    assert analyse("")[0] == 0
