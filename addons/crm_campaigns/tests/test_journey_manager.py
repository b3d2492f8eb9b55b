# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 4 of issue 12 in Chromium, its campaigns part: a Persian sales manager who reads
the Jalali calendar compares campaign results, finds a campaign's summary in its print menu
and reads the campaign analysis by month (tour crm_campaigns_journey_manager)."""
import re
import unittest
from datetime import date

from lxml import html

from odoo.tests import HttpCase, new_test_user, tagged

from .common import setup_sales

GREGORIAN = re.compile(r"\b20\d\d[-/]\d\d?[-/]\d\d?\b|\b20\d\d-\d\d\b|\bW\d{1,2} 20\d\d\b")


@tagged("post_install", "-at_install")
class TestManagerJourneyCampaigns(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The Jalali calendar is Parand CRM's; without it the journey has no Jalali reader.
        if cls.env["ir.module.module"]._get("parand_crm").state != "installed":
            raise unittest.SkipTest("The Jalali reader of this journey needs parand_crm.")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.manager = new_test_user(
            cls.env, "cmp_journey_manager", groups="sales_team.group_sale_manager",
            name="مریم رضایی",
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali")
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
        # Imported here: the test is skipped above when parand_crm is not installed.
        from odoo.addons.parand_crm.tests.browser import emulated_browser
        from odoo.addons.parand_crm.tests.screenshots import tour_screenshots

        with tour_screenshots(), emulated_browser():
            self.start_tour("/odoo/action-crm_campaigns.utm_campaign_action_results",
                            "crm_campaigns_journey_manager", login="cmp_journey_manager",
                            timeout=180)

    def test_campaign_summary_in_the_readers_calendar(self):
        """The summary the print menu offers, as the manager reads it (its PDF is checked
        with pdftotext by test_campaign_summary_pdf)."""
        report = self.env.ref("crm_campaigns.action_report_campaign_summary")
        content, _kind = self.env["ir.actions.report"].with_user(self.manager).with_context(
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali"
        )._render_qweb_html(report, self.campaign.ids)
        text = html.fromstring(content).text_content()
        self.assertIn("کمپین نوروز", text)
        self.assertIn("نمایشگاه تهران", text)
        self.assertRegex(text, r"1404|۱۴۰۴")  # the campaign ran in Esfand 1404 - Farvardin 1405
        self.assertFalse(GREGORIAN.findall(text), "Gregorian dates in the summary")
