# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib
from datetime import date
from unittest import SkipTest

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestCampaignSummaryPdf(HttpCase):
    """The campaign summary on paper, printed by a Persian Jalali user.

    The PDF checks and the font they are checked in come with parand_crm: without it
    (crm_campaigns does not depend on it) the test is skipped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("parand_crm").state != "installed":
            raise SkipTest("parand_crm is not installed: it brings the PDF checks")
        cls.pdf = importlib.import_module("odoo.addons.parand_crm.tests.pdf_checks")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["crm_campaigns"], ["fa_IR"])
        cls.user = cls.env.ref("base.user_admin")
        cls.user.write({"lang": "fa_IR", "tz": "Asia/Tehran", "date_calendar": "jalali",
                        "persian_digits": True})
        Campaign = cls.env["utm.campaign"]
        cls.campaign = Campaign.create({
            "title": "نوروز ۱۴۰۵", "objective": "پنجاه نمایندهٔ تازه در تهران و شهرستان‌ها",
            "start_date": date(2026, 3, 10), "end_date": date(2026, 4, 2),
            "campaign_budget_amount": 8000.0, "actual_cost": 2000.0})
        Campaign.create({"title": "نمایشگاه تهران", "parent_id": cls.campaign.id})
        won_stage = cls.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        cls.env["crm.lead"].create([
            {"name": "سرنخ ۱", "type": "lead", "campaign_id": cls.campaign.id},
            {"name": "فروش ۱", "type": "opportunity", "campaign_id": cls.campaign.id,
             "expected_revenue": 5000, "stage_id": won_stage.id},
        ])
        cls.campaign._add_members(cls.env["res.partner"].create(
            [{"name": "علی"}, {"name": "ندا"}]))

    def test_summary_on_paper(self):
        self.env = self.env(user=self.user, context=dict(self.env.context, lang="fa_IR"))
        pdf = self.pdf.render_pdf(self, "crm_campaigns.action_report_campaign_summary",
                                  self.campaign.ids)
        self.pdf.save_first_page(pdf, "report_campaign_summary")
        self.pdf.assert_words_inside(self, pdf, (15, 15, 15, 15))
        self.pdf.assert_searchable(self, pdf, "نوروز ۱۴۰۵", "زیرکمپین‌ها", "نمایشگاه تهران",
                                   "شهرستان‌ها", "اعضا بر پایهٔ وضعیت")
        self.pdf.assert_non_joiner_kept(self, pdf, "زیرکمپین", "ها")
        # Figures in the reader's Persian digits: budget 8,000, ROI (5000 - 2000) / 2000 =
        # 150 %, 2 members.
        self.pdf.assert_searchable(self, pdf, "۸٬۰۰۰٫۰۰", "۱۵۰٫۰", "جمع ۲")
        self.assertNotRegex(self.pdf.pdf_text(pdf), "[0-9]")
        # 2026-03-10 is 19 Esfand 1404, 2026-04-02 is 13 Farvardin 1405.
        self.pdf.assert_reader_calendar(self, pdf, ["۱۹ اسفند ۱۴۰۴", "۱۳ فروردین ۱۴۰۵"],
                                        2026)
