# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The job that scores stored comments again after the analyser changed, on a real database."""

import importlib.util
import threading
from pathlib import Path
from unittest.mock import patch

from odoo.addons.crm_feedback.tools.sentiment import VERSION, analyse
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

MIGRATION = Path(__file__).parents[1] / "migrations" / "18.0.1.1.0"


def migration(name):
    spec = importlib.util.spec_from_file_location(f"crm_feedback_{name}", MIGRATION / name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.migrate


@tagged("post_install", "-at_install")
class TestFeedbackSentimentRescore(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Feedback = cls.env["crm.feedback"].with_context(feedback_no_followup=True,
                                                             tracking_disable=True)
        partner = cls.env["res.partner"].create({"name": "مشتری آزمایشی"})
        comments = ["دستتون درد نکنه، سالم رسید", "پولم رو برنگردوندید", "جواب نمی‌ده کسی",
                    "لذت بردم", "منتظر پاسخ هستم", "Great service"]
        cls.feedback = cls.Feedback.create([{"partner_id": partner.id, "comment": comment}
                                            for comment in comments])
        cls.no_comment = cls.Feedback.create({"partner_id": partner.id})
        cls.env.flush_all()
        # Every existing comment at the current analyser except the last four, which an
        # older analyser scored (all neutral, as the old lexicon mostly said).
        cls.current = cls.feedback[:2] | cls.no_comment
        cls.outdated = cls.feedback[2:]
        cls.env.cr.execute(SQL("""
            UPDATE crm_feedback SET sentiment_version = 'lexicon-old', sentiment = 0,
                                    sentiment_label = 'neutral'
            WHERE id IN %s""", tuple(cls.outdated.ids)))
        cls.env.cr.execute(SQL("""
            UPDATE crm_feedback SET write_date = '2020-01-01' WHERE id IN %s""",
                               tuple(cls.current.ids)))
        cls.env.invalidate_all()

    def _outdated_ids(self):
        self.env.cr.execute(SQL("SELECT id FROM crm_feedback WHERE id IN %s AND "
                                "sentiment_version IS DISTINCT FROM %s ORDER BY id",
                                tuple(self.feedback.ids + self.no_comment.ids), VERSION))
        return [row[0] for row in self.env.cr.fetchall()]

    def _rescore(self, **kwargs):
        return self.Feedback.with_context(feedback_cron_no_commit=True) \
            ._cron_rescore_sentiment(**kwargs)

    def test_new_feedback_is_scored_by_the_current_analyser(self):
        self.assertEqual(set(self.current.mapped("sentiment_version")), {VERSION})
        self.assertEqual(self.feedback[0].sentiment_label, "positive")

    def test_batches_resume_and_touch_only_outdated_rows(self):
        # Other feedback of the database may be outdated too: count ours only.
        self.assertEqual(self._outdated_ids(), self.outdated.ids)
        cron = self.env.ref("crm_feedback.ir_cron_feedback_sentiment")
        cron, progress = cron._add_progress()
        Feedback = self.Feedback.with_context(ir_cron_progress_id=progress.id)
        self.env.cr.execute(SQL("""UPDATE crm_feedback SET sentiment_version = %s
                                   WHERE id NOT IN %s AND sentiment_version IS DISTINCT FROM %s
                                """, VERSION, tuple(self.outdated.ids), VERSION))
        # One batch of 3: the three oldest outdated rows, then the run stops (as if cut
        # short); the progress says 3 done, 1 to go.
        done = Feedback.with_context(feedback_cron_no_commit=True)._cron_rescore_sentiment(
            batch_size=3, max_batches=1)
        self.assertEqual(done, 3)
        self.assertEqual((progress.done, progress.remaining), (3, 1))
        self.assertEqual(self._outdated_ids(), self.outdated[3:].ids)
        # The next run resumes with the row left.
        self.assertEqual(self._rescore(batch_size=3), 1)
        self.assertEqual(self._outdated_ids(), [])
        self.assertEqual(self._rescore(batch_size=3), 0)
        for feedback in self.outdated:
            self.assertEqual((feedback.sentiment, feedback.sentiment_label),
                             analyse(feedback.comment))
        self.assertEqual(self.outdated.mapped("sentiment_label"),
                         ["negative", "positive", "negative", "positive"])
        # Rows the current analyser scored were not written.
        self.assertEqual({str(date) for date in self.current.mapped("write_date")},
                         {"2020-01-01 00:00:00"})

    def test_each_batch_reads_on_after_the_previous_one(self):
        # A batch starts after the last id of the one before, rather than walking again
        # over the rows already scored (the first batch alone reads from the start).
        self.env.cr.execute(SQL("""UPDATE crm_feedback SET sentiment_version = %s
                                   WHERE id NOT IN %s""", VERSION, tuple(self.outdated.ids)))
        Model = type(self.Feedback)
        with patch.object(Model, "_outdated_sentiment_sql", autospec=True,
                          side_effect=Model._outdated_sentiment_sql) as batch_sql:
            self.assertEqual(self._rescore(batch_size=2), 4)
        starts = [call.kwargs.get("after") for call in batch_sql.call_args_list
                  if call.args[1:2] == (2,)]
        self.assertEqual(starts, [0, self.outdated[1].id, self.outdated[3].id])
        self.assertEqual(self._outdated_ids(), [])

    def test_each_batch_is_committed(self):
        self.env.cr.execute(SQL("""UPDATE crm_feedback SET sentiment_version = %s
                                   WHERE id NOT IN %s""", VERSION, tuple(self.outdated.ids)))
        with patch.object(threading.current_thread(), "testing", False), \
                patch.object(self.env.cr, "commit") as commit:
            done = self.Feedback._cron_rescore_sentiment(batch_size=2)
        self.assertEqual(done, 4)
        self.assertEqual(commit.call_count, 2)

    def test_cron_reports_its_progress(self):
        cron = self.env.ref("crm_feedback.ir_cron_feedback_sentiment")
        self.env.cr.execute(SQL("SELECT count(*) FROM crm_feedback "
                                "WHERE sentiment_version IS DISTINCT FROM %s", VERSION))
        outdated = self.env.cr.fetchone()[0]
        cron.method_direct_trigger()
        progress = self.env["ir.cron.progress"].search([("cron_id", "=", cron.id)],
                                                       order="id desc", limit=1)
        self.assertEqual((progress.done, progress.remaining), (outdated, 0))
        self.assertEqual(self._outdated_ids(), [])

    def test_upgrade_flags_rows_and_triggers_the_cron(self):
        """From 18.0.1.0.0 the rows have no analyser name: the upgrade names it only where
        there is no comment to score, scores nothing inline and triggers the cron."""
        ours = tuple(self.feedback.ids + self.no_comment.ids)
        self.env.cr.execute(SQL("UPDATE crm_feedback SET sentiment_version = NULL, "
                                "sentiment = 0, sentiment_label = 'neutral' WHERE id IN %s",
                                ours))
        self.env.invalidate_all()
        cron = self.env.ref("crm_feedback.ir_cron_feedback_sentiment")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        migration("pre-migrate.py")(self.env.cr, "18.0.1.0.0")
        migration("post-migrate.py")(self.env.cr, "18.0.1.0.0")
        self.assertEqual(self._outdated_ids(), self.feedback.ids)
        self.assertEqual(set(self.feedback.mapped("sentiment_label")), {"neutral"})
        self.assertEqual(self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]),
                         triggers + 1)
        self.env.cr.execute(SQL("UPDATE crm_feedback SET sentiment_version = %s "
                                "WHERE id NOT IN %s", VERSION, ours))
        self.assertEqual(self._rescore(batch_size=4), len(self.feedback))
        self.assertEqual(self.feedback.mapped("sentiment_label"),
                         ["positive", "negative", "negative", "positive", "negative",
                          "positive"])
