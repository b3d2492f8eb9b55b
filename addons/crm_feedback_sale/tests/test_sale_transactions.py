# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.addons.crm_feedback.tests.common import FeedbackCommon
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSaleTransactions(FeedbackCommon):
    """Confirmed orders are the customer's purchases; a won opportunity counts once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Partner = cls.env["res.partner"]
        cls.account = cls.Partner.create({"name": "Buying Co", "is_company": True})
        cls.product = cls.env["product.product"].create({"name": "Chair", "list_price": 1.0})
        now = fields.Datetime.now()
        cls.with_order, cls.without_order = cls.env["crm.lead"].create([{
            "name": name, "partner_id": cls.account.id, "type": "opportunity",
            "stage_id": cls.stage_won.id, "expected_revenue": revenue,
            "date_closed": now - timedelta(days=days),
        } for name, revenue, days in (("Chairs", 999.0, 30), ("Desks", 50.0, 60))])
        cls.orders = cls.env["sale.order"].create([{
            "partner_id": cls.account.id, "opportunity_id": lead.id,
            "order_line": [(0, 0, {"product_id": cls.product.id, "product_uom_qty": 1,
                                   "price_unit": price, "tax_id": [(6, 0, [])]})],
        } for lead, price in ((cls.with_order, 300.0), (cls.env["crm.lead"], 200.0))])
        cls.orders.action_confirm()
        # Confirming dates the order now: back-date it as if confirmed 10 and 20 days ago.
        for order, days in zip(cls.orders, (10, 20), strict=True):
            order.date_order = now - timedelta(days=days)
        cls.env["sale.order"].create({
            "partner_id": cls.account.id,
            "order_line": [(0, 0, {"product_id": cls.product.id, "price_unit": 5000.0})]})

    def test_orders_and_opportunities_without_order_counted_once(self):
        Scoring = self.env["crm.feedback.scoring"]
        first, last, count, revenue = Scoring._transactions([self.account.id])[self.account.id]
        # The two confirmed orders and the won opportunity no order comes from; not the
        # quotation, not the opportunity of the first order.
        self.assertEqual(count, 3)
        self.assertEqual(revenue, 300.0 + 200.0 + 50.0)
        self.assertAlmostEqual(first, 60, delta=1)
        self.assertAlmostEqual(last, 10, delta=1)

    def test_score_cron_segments_buyers_by_their_orders(self):
        params = self.env["ir.config_parameter"]
        params.set_param("crm_feedback.score_run", False)
        self.env["crm.feedback.scoring"]._cron_compute()
        self.assertEqual(self.account.lifetime_value, round(550.0 / 0.25 * 3, 2))
        # Three purchases 25 days apart on average, the last 10 days ago: on rhythm.
        self.assertEqual((self.account.churn_risk, self.account.churn_reason),
                         ("low", "active"))
