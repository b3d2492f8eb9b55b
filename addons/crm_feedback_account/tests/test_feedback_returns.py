# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.addons.crm_feedback.tests.common import FeedbackCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestFeedbackReturns(FeedbackCommon):
    """Posted customer credit notes as implicit feedback (crm_feedback_account)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Feedback = cls.env["crm.feedback"]
        cls.account, cls.other = cls.env["res.partner"].create([
            {"name": "Returning Co", "is_company": True},
            {"name": "Other Co", "is_company": True},
        ])
        cls.contact = cls.env["res.partner"].create({"name": "Sara",
                                                     "parent_id": cls.account.id})
        cls.env["crm.lead"].create({
            "name": "Chairs", "partner_id": cls.account.id, "type": "opportunity",
            "stage_id": cls.stage_won.id, "expected_revenue": 1000.0,
            "date_closed": fields.Datetime.now() - timedelta(days=10)})
        cls.invoice = cls._move("out_invoice", cls.contact, 1000.0)
        cls.invoice.action_post()

    @classmethod
    def _move(cls, move_type, partner, price, ref=False):
        return cls.env["account.move"].create({
            "move_type": move_type, "partner_id": partner.id, "ref": ref,
            "invoice_date": fields.Date.today(),
            "invoice_line_ids": [(0, 0, {"name": "Chairs", "quantity": 1,
                                         "price_unit": price, "tax_ids": [(6, 0, [])]})],
        })

    def _returns(self, partner=None):
        return self.Feedback.search([("commercial_partner_id", "=", (partner or self.account).id),
                                     ("channel", "=", "return")])

    def _score(self):
        params = self.env["ir.config_parameter"]
        params.set_param("crm_feedback.score_run", False)
        self.env["crm.feedback.scoring"]._cron_compute()

    def test_credit_note_synced_updated_and_removed(self):
        refund = self._move("out_refund", self.contact, 250.0, ref="Broken legs")
        Implicit = self.env["crm.feedback.implicit"]
        Implicit._sync_returns([self.account.id])
        self.assertFalse(self._returns(), "a draft credit note is no feedback")
        refund.action_post()
        self.assertEqual(Implicit._sync_returns([self.account.id]), 1)
        feedback = self._returns()
        self.assertEqual(len(feedback), 1)
        self.assertEqual((feedback.kind, feedback.partner_id, feedback.amount),
                         ("implicit", self.contact, 250.0))
        self.assertIn(refund.name, feedback.comment)
        self.assertIn("Broken legs", feedback.comment)
        self.assertEqual(feedback.source_key, f"refund:{refund.id}")
        # Synced again: the same record, nothing rewritten.
        self.assertEqual(Implicit._sync_returns([self.account.id]), 0)
        self.assertEqual(self._returns(), feedback)
        # Reset to draft: removed; posted again with another amount: back, not duplicated.
        refund.button_draft()
        Implicit._sync_returns([self.account.id])
        self.assertFalse(self._returns())
        refund.invoice_line_ids.price_unit = 400.0
        refund.action_post()
        Implicit._sync_returns([self.account.id])
        self.assertEqual(self._returns().amount, 400.0)
        self.assertEqual(len(self._returns()), 1)
        refund.button_draft()
        refund.button_cancel()
        Implicit._sync_returns([self.account.id])
        self.assertFalse(self._returns())
        # Invoices are not returns.
        self.assertFalse(self.Feedback.search([("source_key", "=",
                                                f"refund:{self.invoice.id}")]))

    def test_returns_lower_the_implicit_measure(self):
        self._score()
        self.assertEqual(self.account.satisfaction_score, 100.0,
                         "one recent order, nothing else known: the buying rhythm alone")
        self._move("out_refund", self.contact, 250.0).action_post()
        self._score()  # the cron syncs the returns before scoring
        self.assertEqual(len(self._returns()), 1)
        self.assertEqual(self.account.satisfaction_score, 75.0, "a quarter of revenue returned")

    def test_sync_queries_constant_per_batch_and_on_demand_action(self):
        Partner = self.env["res.partner"]
        self._move("out_refund", self.account, 10.0).action_post()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.env["crm.feedback.implicit"]._sync_returns([self.account.id])
        one = self.env.cr.sql_log_count - before
        accounts = Partner.create([{"name": f"Returner {i}", "is_company": True}
                                   for i in range(5)])
        for account in accounts:
            self._move("out_refund", account, 20.0).action_post()
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.env["crm.feedback.implicit"]._sync_returns(accounts.ids)
        self.assertEqual(self.env.cr.sql_log_count - before, one)
        self.assertEqual(len(self.Feedback.search([("commercial_partner_id", "in", accounts.ids),
                                                   ("channel", "=", "return")])), 5)
        self._move("out_refund", self.other, 30.0).action_post()
        self.other.action_sync_implicit_feedback()
        self.assertEqual(self._returns(self.other).amount, 30.0)
