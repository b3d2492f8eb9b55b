# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The sentiment analyser measured on hand-labelled customer comments (no database).

`data/sentiment_eval.tsv` holds 356 Persian and 102 English comments written for this
evaluation (delivery, price, quality, staff, after-sales, refunds, waiting; colloquial and
formal; with and without ZWNJ, Arabic ي/ك, Persian and Latin digits, emoji), each labelled
positive, neutral or negative by hand. A quarter (`split=test`) was set aside before the
lexicon was tuned and never looked at while tuning: its accuracy is the honest figure.

The test prints precision and recall per class and the accuracy, and fails below the
thresholds set from the measurement (README: held-out 0.94, whole set 0.97).
"""

import csv
import logging
from collections import Counter
from pathlib import Path

from odoo.addons.crm_feedback.tools.sentiment import analyse
from odoo.tests import BaseCase, tagged

_logger = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data" / "sentiment_eval.tsv"
LABELS = ("positive", "neutral", "negative")
# Thresholds, from the measured figures less a margin (raise them as the analyser improves;
# the issue asks for 0.85 at least).
MIN_ACCURACY = 0.95       # measured 0.974 on the whole set
MIN_HELD_OUT = 0.90       # measured 0.939 on the held-out quarter
MIN_PER_LANGUAGE = 0.90   # measured Persian 0.969, English 0.990


def load():
    with DATA.open(encoding="utf-8", newline="") as data:
        return list(csv.DictReader(data, delimiter="\t"))


def measure(rows):
    """Accuracy, and precision and recall per label, of `analyse` on `rows`."""
    confusion = Counter((row["label"], analyse(row["text"])[1]) for row in rows)
    correct = sum(confusion[label, label] for label in LABELS)
    per_label = {}
    for label in LABELS:
        predicted = sum(confusion[truth, label] for truth in LABELS)
        actual = sum(confusion[label, guess] for guess in LABELS)
        per_label[label] = (confusion[label, label] / predicted if predicted else 0.0,
                            confusion[label, label] / actual if actual else 0.0, actual)
    return correct / len(rows), per_label


def report(name, rows):
    accuracy, per_label = measure(rows)
    lines = [f"sentiment on {name}: {len(rows)} comments, accuracy {accuracy:.3f}"]
    lines += [f"  {label:<8} precision {precision:.3f}  recall {recall:.3f}  ({count})"
              for label, (precision, recall, count) in per_label.items()]
    text = "\n".join(lines)
    # Shown by pytest -s and on failure; Odoo's runner shows the log line.
    print(text)  # pylint: disable=print-used
    _logger.info("%s", text)
    return accuracy


@tagged("post_install", "-at_install", "crm_feedback_sentiment")
class TestSentimentEvaluation(BaseCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rows = load()

    def test_set_is_as_the_issue_asks(self):
        languages = Counter(row["lang"] for row in self.rows)
        self.assertGreaterEqual(languages["fa"], 300)
        self.assertGreaterEqual(languages["en"], 100)
        self.assertEqual({row["label"] for row in self.rows}, set(LABELS))
        held_out = sum(row["split"] == "test" for row in self.rows)
        self.assertGreaterEqual(held_out / len(self.rows), 0.24)
        self.assertEqual(len({row["text"] for row in self.rows}), len(self.rows),
                         "a comment appears twice")

    def test_accuracy(self):
        held_out = [row for row in self.rows if row["split"] == "test"]
        tuned = [row for row in self.rows if row["split"] != "test"]
        self.assertGreaterEqual(report("the held-out quarter", held_out), MIN_HELD_OUT)
        report("the tuning part", tuned)
        for language in ("fa", "en"):
            rows = [row for row in self.rows if row["lang"] == language]
            self.assertGreaterEqual(report(f"the {language} comments", rows), MIN_PER_LANGUAGE)
        self.assertGreaterEqual(report("the whole set", self.rows), MIN_ACCURACY)

    def test_the_issue_examples(self):
        examples = {
            "positive": ["دستتون درد نکنه", "لذت بردم", "سپاسگزارم", "معرفی‌تون کردم",
                         "مرتب بود", "سالم رسید"],
            "negative": ["طول کشید", "جواب نمی‌ده", "برنگردوندید", "فرق داشت",
                         "قبول نکردند", "ناقص", "منتظر پاسخ هستم", "بی‌احترامی",
                         "جواب نداد", "پول را برنگرداندند"],
        }
        for label, texts in examples.items():
            for text in texts:
                with self.subTest(text=text):
                    self.assertEqual(analyse(text)[1], label)
