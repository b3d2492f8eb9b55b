# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 4 of issue 12 in Chromium, its campaigns part: a Persian sales manager who reads
the Jalali calendar compares campaign results, finds a campaign's summary in its print menu
and reads the campaign analysis by month (tour crm_campaigns_journey_manager)."""
from datetime import date

from odoo.addons.parand_base.tests.journey import JalaliJourneyCase
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestManagerJourneyCampaigns(JalaliJourneyCase, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "sales_team.group_sale_manager"
        if cls.env["ir.module.module"]._get("mass_mailing").state == "installed":
            # With Email Marketing installed, a campaign's form reads its mailings (A/B
            # test counts), which only Email Marketing users may read.
            groups += ",mass_mailing.group_mass_mailing_user"
        cls.manager = cls.jalali_manager("cmp_journey_manager", groups=groups)
        Campaign = cls.env["utm.campaign"]
        cls.campaign = Campaign.create({
            "title": "کمپین نوروز", "actual_cost": 20_000_000.0,
            "campaign_budget_amount": 50_000_000.0, "user_id": cls.manager.id,
            "start_date": date(2026, 3, 10), "end_date": date(2026, 4, 10)})
        Campaign.create({"title": "نمایشگاه تهران", "actual_cost": 5_000_000.0,
                         "parent_id": cls.campaign.id})
        won = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env["crm.lead"].create([
            {"name": "سرنخ نوروز", "type": "lead", "campaign_id": cls.campaign.id},
            {"name": "فروش نوروز", "type": "opportunity", "campaign_id": cls.campaign.id,
             "expected_revenue": 90_000_000, "stage_id": won.id},
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
