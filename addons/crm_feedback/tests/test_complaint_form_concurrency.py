# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import uuid

from odoo.addons.parand_base.tests.workers import SeveralWorkersCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestComplaintRateCounterConcurrency(SeveralWorkersCase):
    """Posts of the public form arrive at once in several workers: each is counted once, none
    fails. The counters are committed (each worker has its own transaction), so the test's
    bucket is removed afterwards."""

    def test_simultaneous_posts_are_each_counted_once(self):
        key = f"test-{uuid.uuid4().hex}"
        self.addCleanup(self._remove_bucket, key)
        posts = 8
        answers = []
        # A post that had to be counted again would have logged its failed query.
        with self.assertNoLogs("odoo.sql_db", level="ERROR"):
            self._at_once(*[lambda env: answers.append(
                env["crm.complaint.submission"]._hit(key, 3600, 100))] * posts)
        self.assertEqual(answers, [True] * posts)
        # Summed over windows: the posts may straddle the turn of an hour.
        counted = self._committed(lambda env: sum(env["crm.complaint.submission"].search(
            [("ip_address", "=", key)]).mapped("count")))
        self.assertEqual(counted, posts)

    def _remove_bucket(self, key):
        self._committed(lambda env: env["crm.complaint.submission"].search(
            [("ip_address", "=", key)]).unlink())
