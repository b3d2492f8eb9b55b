# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.addons.parand_base.tests.pdf_checks import PersianPdfCase, pdf_text, save_first_page
from odoo.tests import HttpCase, tagged

from .common import setup_sales


@tagged("post_install", "-at_install")
class TestCampaignSummaryPdf(PersianPdfCase, HttpCase):
    """The campaign summary on paper, printed by a Persian Jalali user."""

    pdf_module = "crm_campaigns"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The reader chose Persian digits: the figures print in them.
        cls.reader.persian_digits = True
        Campaign = cls.env["utm.campaign"]
        cls.campaign = Campaign.create({
            "title": "نوروز ۱۴۰۵", "objective": "پنجاه نمایندهٔ تازه در تهران و شهرستان‌ها",
            "start_date": date(2026, 3, 10), "end_date": date(2026, 4, 2),
            "campaign_budget_amount": 8000.0, "actual_cost": 2000.0})
        Campaign.create({"title": "نمایشگاه تهران", "parent_id": cls.campaign.id})
        setup_sales(cls)
        cls.env["crm.lead"].create([
            {"name": "سرنخ ۱", "type": "lead", "campaign_id": cls.campaign.id},
            {"name": "فروش ۱", "type": "opportunity", "campaign_id": cls.campaign.id,
             "expected_revenue": 5000, "stage_id": cls.stage_won.id},
        ])
        cls.campaign._add_members(cls.env["res.partner"].create(
            [{"name": "علی"}, {"name": "ندا"}]))

    def test_summary_on_paper(self):
        pdf = self.render_pdf_as_reader("crm_campaigns.action_report_campaign_summary",
                                        self.campaign.ids)
        save_first_page(pdf, "report_campaign_summary")
        self.assertWordsInside(pdf, (15, 15, 15, 15))
        self.assertSearchable(pdf, "نوروز ۱۴۰۵", "زیرکمپین‌ها", "نمایشگاه تهران",
                              "شهرستان‌ها", "اعضا بر پایهٔ وضعیت")
        self.assertNonJoinerKept(pdf, "زیرکمپین", "ها")
        # Figures in the reader's Persian digits: budget 8,000, ROI (5000 - 2000) / 2000 =
        # 150 %, 2 members.
        self.assertSearchable(pdf, "۸٬۰۰۰٫۰۰", "۱۵۰٫۰", "جمع ۲")
        self.assertNotRegex(pdf_text(pdf), "[0-9]")
        # 2026-03-10 is 19 Esfand 1404, 2026-04-02 is 13 Farvardin 1405.
        self.assertReaderCalendar(pdf, ["۱۹ اسفند ۱۴۰۴", "۱۳ فروردین ۱۴۰۵"], 2026)
