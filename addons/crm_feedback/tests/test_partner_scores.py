# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.addons.crm_feedback.tests.common import FeedbackCommon
from odoo.addons.crm_feedback.tools import scores
from odoo.tests import tagged
from odoo.tools import SQL
from odoo.tools.sql import index_exists


@tagged("post_install", "-at_install")
class TestPartnerScores(FeedbackCommon):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.Feedback = cls.env["crm.feedback"]
        cls.won = cls.stage_won
        cls.salesman = cls.user_salesman
        cls.happy, cls.unhappy, cls.silent = cls.Partner.create([
            {"name": "Happy Co", "is_company": True, "user_id": cls.salesman.id},
            {"name": "Unhappy Co", "is_company": True, "user_id": cls.salesman.id},
            {"name": "Silent Co", "is_company": True},
        ])
        cls.contact = cls.Partner.create({"name": "Ali", "parent_id": cls.happy.id})
        now = fields.Datetime.now()
        cls.Feedback.create([
            {"partner_id": cls.contact.id, "channel": "survey", "score_type": "nps", "value": 10,
             "date": now},
            {"partner_id": cls.happy.id, "channel": "survey", "score_type": "csat", "value": 5,
             "date": now - timedelta(days=10)},
            {"partner_id": cls.unhappy.id, "channel": "survey", "score_type": "nps", "value": 2,
             "date": now},
            {"partner_id": cls.unhappy.id, "channel": "survey", "score_type": "csat", "value": 1,
             "date": now - timedelta(days=3)},
        ])
        # Orders of the happy customer every 30 days, the last 10 days ago; the unhappy one
        # ordered every 20 days but not for 100 days.
        leads = []
        for partner, ages, amount in ((cls.happy, (10, 40, 70, 100), 1000.0),
                                      (cls.unhappy, (100, 120, 140), 100.0)):
            leads += [{"name": f"Order {age}", "partner_id": partner.id, "type": "opportunity",
                       "stage_id": cls.won.id, "expected_revenue": amount,
                       "date_closed": now - timedelta(days=age)} for age in ages]
        cls.env["crm.lead"].create(leads)

    def _run(self, **kwargs):
        self.env["ir.config_parameter"].set_param("crm_feedback.score_run", False)
        return self.env["crm.feedback.scoring"]._cron_compute(**kwargs)

    def test_scores_segments_and_churn(self):
        self._run()
        self.assertEqual(self.happy.nps_category, "promoter")
        self.assertEqual(self.unhappy.nps_category, "detractor")
        self.assertGreater(self.happy.satisfaction_score, 90)
        self.assertLess(self.unhappy.satisfaction_score, 20)
        self.assertEqual((self.happy.churn_risk, self.happy.churn_reason), ("low", "active"))
        self.assertEqual((self.unhappy.churn_risk, self.unhappy.churn_reason),
                         ("high", "overdue_order"))
        self.assertEqual(self.happy.pareto_class, "A")
        self.assertEqual(self.unhappy.pareto_class, "B", "4,000 of 4,300 come before it: 93%")
        self.assertTrue(self.happy.rfm_segment)
        self.assertGreater(self.happy.lifetime_value, self.unhappy.lifetime_value)
        self.assertFalse(self.silent.satisfaction_score)
        self.assertFalse(self.silent.churn_risk)
        self.assertTrue(self.silent.satisfaction_date)
        # A customer without feedback has no score, not the worst one: screens hide it.
        self.assertEqual((self.happy | self.unhappy | self.silent).mapped("satisfaction_known"),
                         [True, True, False])
        form = self.env.ref("crm_feedback.res_partner_view_form_feedback").arch
        self.assertIn('<field name="satisfaction_score" invisible="not satisfaction_known"/>',
                      form)
        snapshots = self.env["crm.feedback.snapshot"].search(
            [("partner_id", "in", (self.happy | self.unhappy).ids)])
        self.assertEqual(len(snapshots), 2)
        # Turning high risk asks the salesperson to call.
        self.assertIn("churn", self.unhappy.activity_ids.summary.lower())

    def test_batch_aggregates_decay_and_read_only_the_batch(self):
        Scoring = self.env["crm.feedback.scoring"]
        self.env.flush_all()
        # Half-life of 10 days: the CSAT answered 10 days ago weighs half today's NPS.
        _nps_score, nps_weight, csat_score, csat_weight = Scoring._feedback_aggregates(
            [self.happy.id], 10)[self.happy.id][:4]
        self.assertAlmostEqual(nps_weight, 1.0, places=3)
        self.assertAlmostEqual(csat_weight, 0.5, places=3)
        self.assertAlmostEqual(csat_score / csat_weight, 100.0, places=3)
        # The transactions of the batch's accounts only.
        transactions = Scoring._transactions([self.unhappy.id])
        self.assertEqual(list(transactions), [self.unhappy.id])
        first, last, count, revenue = transactions[self.unhappy.id]
        self.assertEqual((round(first), round(last), count, revenue), (140, 100, 3, 300.0))
        # The index the batches read the feedback through.
        self.assertTrue(index_exists(self.env.cr, "crm_feedback_account_scores_index"))

    def test_trend_against_an_older_snapshot_and_snapshots_not_duplicated(self):
        self.env["crm.feedback.snapshot"].create({
            "partner_id": self.unhappy.id, "satisfaction_score": 50.0,
            "date": fields.Date.subtract(fields.Date.today(), days=40)})
        self._run()
        self._run()
        self.assertAlmostEqual(self.unhappy.satisfaction_trend,
                               self.unhappy.satisfaction_score - 50, places=2)
        self.assertEqual(self.env["crm.feedback.snapshot"].search_count(
            [("partner_id", "=", self.unhappy.id)]), 2, "one snapshot a day")

    def test_batches_resume_and_queries_do_not_grow_with_the_batch(self):
        Param = self.env["ir.config_parameter"]
        self._run(batch_size=1, max_batches=1)
        self.assertTrue(Param.get_param("crm_feedback.score_run"),
                        "the run is kept for the next call")
        first = self.Partner.search([("satisfaction_date", "!=", False)])
        self.assertEqual(len(first), 1)
        scored_on = first.satisfaction_date
        # A new call (e.g. after a crash) scores the others only, then ends the run.
        self.env["crm.feedback.scoring"]._cron_compute(batch_size=100000)
        self.assertFalse(Param.get_param("crm_feedback.score_run"))
        self.assertEqual(first.satisfaction_date, scored_on)
        self.assertTrue(self.unhappy.satisfaction_date)
        self._run(batch_size=5000)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self._run(batch_size=5000)
        self.env.flush_all()
        queries = self.env.cr.sql_log_count - before
        self.assertLess(queries, 50)
        self.Partner.create([{"name": f"Customer {i}", "is_company": True}
                             for i in range(50)])
        self.env.flush_all()
        with self.assertQueryCount(queries):
            self._run(batch_size=5000)
            self.env.flush_all()

    def test_quintile_bounds_formula_and_sql_agree(self):
        """The cut points the cron computes in SQL are scores.quintile_bounds."""
        Scoring = self.env["crm.feedback.scoring"]
        for sample in (list(range(1, 101)), [7.0], [2.5, 1.25, 10.0, 4.0],
                       [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6]):
            self.env.cr.execute(SQL("SELECT %s FROM unnest(%s::float8[]) AS v(x)",
                                    Scoring._quintile_bounds_sql(SQL.identifier("x")), sample))
            self.assertEqual(self.env.cr.fetchone()[0],
                             [float(v) for v in scores.quintile_bounds(sample)], sample)
