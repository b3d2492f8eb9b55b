from datetime import datetime

from odoo.tests import BaseCase, tagged

from ..tools.attribution import (
    ATTRIBUTION_MODELS,
    attribute,
    source_touch_date,
    touch_weight,
    weights,
)


@tagged("tools")
class TestAttributionWeights(BaseCase):
    def test_four_touches_split_by_each_model(self):
        self.assertEqual(weights("first_touch", 4), [1.0, 0.0, 0.0, 0.0])
        self.assertEqual(weights("last_touch", 4), [0.0, 0.0, 0.0, 1.0])
        self.assertEqual(weights("linear", 4), [0.25, 0.25, 0.25, 0.25])
        for got, want in zip(weights("u_shaped", 4), [0.4, 0.1, 0.1, 0.4], strict=True):
            self.assertAlmostEqual(got, want)

    def test_u_shaped_with_one_two_and_three_touches(self):
        self.assertEqual(weights("u_shaped", 1), [1.0])
        self.assertEqual(weights("u_shaped", 2), [0.5, 0.5])
        for got, want in zip(weights("u_shaped", 3), [0.4, 0.2, 0.4], strict=True):
            self.assertAlmostEqual(got, want)

    def test_weights_add_up_to_one(self):
        for model, _label in ATTRIBUTION_MODELS:
            for count in range(1, 9):
                self.assertAlmostEqual(sum(weights(model, count)), 1.0, msg=(model, count))

    def test_no_such_touch_or_model(self):
        with self.assertRaises(ValueError):
            touch_weight("linear", 0, 3)
        with self.assertRaises(ValueError):
            touch_weight("linear", 4, 3)
        with self.assertRaises(ValueError):
            touch_weight("time_decay", 1, 1)


@tagged("tools")
class TestSourceTouchAndAttribution(BaseCase):
    def test_source_touch_is_dated_when_the_lead_entered_the_pipeline(self):
        created = datetime(2026, 11, 30, 9, 0, 0, 512000)
        # An ordinary lead: created, then assigned, then won.
        self.assertEqual(source_touch_date(created, datetime(2026, 12, 1), datetime(2027, 1, 1)),
                         created)
        # Imported as won: created on the day of the import, closed a year before.
        closed = datetime(2025, 11, 30, 9)
        self.assertEqual(source_touch_date(created, created, closed), closed)
        # Created in a won stage: closed to the second, created to the microsecond.
        self.assertEqual(source_touch_date(created, created, created.replace(microsecond=0)),
                         created.replace(microsecond=0))
        # Dates it lacks do not count.
        self.assertEqual(source_touch_date(created, None, None), created)
        self.assertIsNone(source_touch_date(None, None, None))

    def test_imported_won_deal_credits_its_source_campaign_under_each_model(self):
        created, closed = datetime(2026, 11, 30, 9), datetime(2025, 11, 30, 9)
        touches = [(source_touch_date(created, created, closed), "expo"),
                   (datetime(2026, 11, 30, 10), "calls")]
        for model, _label in ATTRIBUTION_MODELS:
            self.assertEqual(attribute(model, touches, 5000.0, closed), {"expo": 5000.0},
                             msg=model)
        # Dated by its creation instead, the deal would credit nothing.
        self.assertEqual(attribute("linear", [(created, "expo")], 5000.0, closed), {})

    def test_touches_after_the_close_are_ignored_and_the_others_in_date_order(self):
        closed = datetime(2026, 5, 1, 8)
        touches = [(datetime(2026, 4, 1), "fair"), (datetime(2026, 6, 1), "late"),
                   (datetime(2026, 1, 1), "fair"), (datetime(2026, 2, 1), "news"),
                   (datetime(2026, 3, 1), "calls")]
        credit = attribute("u_shaped", touches, 1000.0, closed)
        self.assertEqual(set(credit), {"fair", "news", "calls"})
        self.assertAlmostEqual(credit["fair"], 800.0)
        self.assertAlmostEqual(credit["news"], 100.0)
        self.assertEqual(attribute("last_touch", touches, 1000.0, closed), {
            "fair": 1000.0, "news": 0.0, "calls": 0.0})
        # No closing date: every touch counts; the last one is then "late".
        self.assertEqual(attribute("last_touch", touches, 1000.0)["late"], 1000.0)
        # Nothing before the close: nothing credited.
        self.assertEqual(attribute("linear", touches, 1000.0, datetime(2025, 1, 1)), {})
