from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from ..tools.attribution import ATTRIBUTION_MODELS, attribute, source_touch_date, won_on
from .common import CampaignsCommon

MODELS = [model for model, _label in ATTRIBUTION_MODELS]


@tagged("post_install", "-at_install")
class TestImportedHistoryAttribution(CampaignsCommon):
    """Deals an organization brings with it: imported as won with their real closing date,
    or created directly in a won stage. Each credits the campaign it came from."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Campaign = cls.env["utm.campaign"]
        cls.expo, cls.calls = Campaign.create([{"title": "Iran Expo"}, {"title": "Calls"}])
        # 1000 spent on the expo: its ROI is (won revenue - 1000) / 1000.
        cls.expo.manual_cost = 1000.0
        cls.customer = cls.env["res.partner"].create({"name": "Pakhsh Sepahan"})
        cls.Lead = cls.env["crm.lead"]
        cls.Touch = cls.env["crm.campaign.touch"]
        cls.Report = cls.env["crm.campaign.attribution.report"]

    def _attribution(self, lead):
        """{(model, campaign): attributed revenue} of the deal, after the touches are
        rebuilt (Update Touches); each model checked against tools.attribution too."""
        self.Touch._refresh_all()
        self.env.flush_all()
        self.env.invalidate_all()
        rows = self.Report.search([("lead_id", "=", lead.id)])
        got = {(row.attribution_model, row.campaign_id): row.attributed_revenue
               for row in rows}
        touches = [(touch.touch_date, touch.campaign_id)
                   for touch in self.Touch.search([("lead_id", "=", lead.id)])]
        for model in MODELS:
            want = attribute(model, touches, lead.expected_revenue,
                             won_on(lead.date_closed, lead.date_last_stage_update))
            self.assertEqual({c for (m, c) in got if m == model}, set(want), msg=model)
            for campaign, amount in want.items():
                self.assertAlmostEqual(got[model, campaign], amount, msg=(model, campaign))
        return got

    def _late_activity(self, lead):
        """A call of another campaign done on the deal today, after it was won."""
        activity = self.env["crm.campaign.activity"].create({
            "campaign_id": self.calls.id, "lead_id": lead.id, "cost": 10.0,
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id})
        activity.action_mark_done()
        return activity

    def _assert_whole_revenue_to_expo(self, lead, revenue):
        got = self._attribution(lead)
        for model in MODELS:
            self.assertAlmostEqual(got[model, self.expo], revenue, msg=model)
        self.assertEqual({campaign for (_model, campaign) in got}, {self.expo})
        # The campaign's own results count the deal as well.
        self.expo.invalidate_recordset()
        self.assertEqual(self.expo.won_count, 1)
        self.assertAlmostEqual(self.expo.won_revenue, revenue)
        self.assertAlmostEqual(self.expo.roi, 100.0 * (revenue - 1000.0) / 1000.0)
        self.assertAlmostEqual(self.expo.attributed_revenue, revenue)

    def test_deal_imported_as_won_a_year_ago(self):
        closed = fields.Datetime.now().replace(microsecond=0) - timedelta(days=365)
        result = self.Lead.load(
            ["name", "type", "partner_id/.id", "campaign_id/.id", "stage_id/.id",
             "expected_revenue", "date_closed"],
            [["Sepahan boilers 1404", "opportunity", str(self.customer.id),
              str(self.expo.id), str(self.stage_won.id), "5000",
              fields.Datetime.to_string(closed)]])
        self.assertFalse(result["messages"], result["messages"])
        lead = self.Lead.browse(result["ids"])
        self.assertEqual(lead.stage_id, self.stage_won)
        self.assertEqual(lead.date_closed, closed)
        self.assertGreater(lead.create_date, closed)
        # Touches after the close (a call done today) do not count.
        self._late_activity(lead)
        self._assert_whole_revenue_to_expo(lead, 5000.0)
        source = self.Touch.search([("lead_id", "=", lead.id),
                                    ("touch_type", "=", "lead_source")])
        self.assertEqual(source.touch_date, closed)
        self.assertEqual(source.campaign_id, self.expo)
        self.assertIn(self.calls, self.Touch.search([("lead_id", "=", lead.id)]).campaign_id)
        self.calls.invalidate_recordset()
        self.assertFalse(self.calls.attributed_revenue)

    def test_deal_created_in_its_won_stage(self):
        lead = self.Lead.create({
            "name": "Walk-in order", "type": "opportunity", "partner_id": self.customer.id,
            "campaign_id": self.expo.id, "stage_id": self.stage_won.id,
            "expected_revenue": 3000.0, "user_id": self.env.uid})
        self.assertEqual(lead.stage_id, self.stage_won)
        # Odoo leaves its closing date empty: it was won when it entered its stage, and
        # a call done after that does not count.
        self.assertFalse(lead.date_closed)
        activity = self._late_activity(lead)
        self.env.flush_all()
        self.env.cr.execute("UPDATE crm_campaign_activity SET date_done = %s WHERE id = %s",
                            [lead.date_last_stage_update + timedelta(days=1), activity.id])
        self._assert_whole_revenue_to_expo(lead, 3000.0)
        self.assertEqual(self.Report.search([("lead_id", "=", lead.id)], limit=1).date_closed,
                         lead.date_last_stage_update)
        # Closed in the second it was created, as when it is won right after: the closing
        # date is stored to the second, the creation and assignment to the microsecond.
        self.env.cr.execute(
            "UPDATE crm_lead SET date_closed = date_trunc('second', create_date), "
            "create_date = date_trunc('second', create_date) + interval '0.4 second', "
            "date_open = date_trunc('second', create_date) + interval '0.4 second' "
            "WHERE id = %s", [lead.id])
        self.env.cr.execute("DELETE FROM crm_campaign_activity WHERE lead_id = %s", [lead.id])
        self.env.invalidate_all()
        self.assertLess(lead.date_closed, lead.create_date)
        self._assert_whole_revenue_to_expo(lead, 3000.0)
        source = self.Touch.search([("lead_id", "=", lead.id)])
        self.assertEqual(source.touch_date, lead.date_closed)

    def test_source_touch_rebuilt_before_the_close_still_counts(self):
        """Touches rebuilt while the deal was open, then the deal is won with a closing
        date before its creation (an import that corrects it): the report dates the
        source touch from the deal itself."""
        lead = self.Lead.create({
            "name": "Reopened", "type": "opportunity", "partner_id": self.customer.id,
            "campaign_id": self.expo.id, "expected_revenue": 2000.0})
        self.Touch._refresh_all()
        self.env.flush_all()
        closed = fields.Datetime.now().replace(microsecond=0) - timedelta(days=30)
        self.env.cr.execute("UPDATE crm_lead SET stage_id = %s, date_closed = %s "
                            "WHERE id = %s", [self.stage_won.id, closed, lead.id])
        self.env.invalidate_all()
        rows = self.Report.search([("lead_id", "=", lead.id)])
        self.assertEqual(len(rows), len(MODELS))
        self.assertEqual(rows.campaign_id, self.expo)
        for row in rows:
            self.assertAlmostEqual(row.attributed_revenue, 2000.0)
        self.assertEqual(source_touch_date(lead.create_date, lead.date_open, closed), closed)
