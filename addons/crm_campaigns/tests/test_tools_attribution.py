import unittest

from ..tools.attribution import ATTRIBUTION_MODELS, touch_weight, weights


class TestAttributionWeights(unittest.TestCase):
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
