# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 4 of issue 12 in Chromium, its campaigns part: a Persian sales manager who reads
the Jalali calendar compares campaign results, finds a campaign's summary in its print menu
and reads the campaign analysis by month (tour crm_campaigns_journey_manager)."""
from datetime import date

from odoo.addons.parand_base.tests.journey import JalaliJourneyCase
from odoo.tests import HttpCase, tagged

from .common import setup_sales


@tagged("post_install", "-at_install")
class TestManagerJourneyCampaigns(JalaliJourneyCase, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.jalali_manager("cmp_journey_manager")
        Campaign = cls.env["utm.campaign"]
        cls.campaign = Campaign.create({
            "title": "کمپین نوروز", "actual_cost": 20_000_000.0,
            "campaign_budget_amount": 50_000_000.0, "user_id": cls.manager.id,
            "start_date": date(2026, 3, 10), "end_date": date(2026, 4, 10)})
        Campaign.create({"title": "نمایشگاه تهران", "actual_cost": 5_000_000.0,
                         "parent_id": cls.campaign.id})
        setup_sales(cls)
        cls.env["crm.lead"].create([
            {"name": "سرنخ نوروز", "type": "lead", "campaign_id": cls.campaign.id},
            {"name": "فروش نوروز", "type": "opportunity", "campaign_id": cls.campaign.id,
             "expected_revenue": 90_000_000, "stage_id": cls.stage_won.id},
        ])

    def test_manager_journey_campaigns(self):
        self.start_journey("/odoo/action-crm_campaigns.utm_campaign_action_results",
                           "crm_campaigns_journey_manager", login="cmp_journey_manager")

    def test_campaign_summary_in_the_readers_calendar(self):
        """The summary the print menu offers, as the manager reads it (its PDF is checked
        with pdftotext by test_campaign_summary_pdf)."""
        text = self.report_text(self.manager, "crm_campaigns.action_report_campaign_summary",
                                self.campaign.ids)
        self.assertIn("کمپین نوروز", text)
        self.assertIn("نمایشگاه تهران", text)
        self.assertRegex(text, r"1404|۱۴۰۴")  # the campaign ran in Esfand 1404 - Farvardin 1405
        self.assertNoGregorian(text, "the summary")
