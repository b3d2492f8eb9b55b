# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.addons.parand_base.tests.pdf_checks import PersianPdfCase, pdf_text, save_first_page
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintReviewPdf(PersianPdfCase, HttpCase):
    """The complaints management review on paper, printed by a Persian Jalali manager."""

    pdf_module = "crm_feedback"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader.persian_digits = True
        partner = cls.env["res.partner"].create({"name": "حمید رضایی", "lang": "fa_IR"})
        billing = cls.env.ref("crm_feedback.complaint_category_billing")
        delivery = cls.env.ref("crm_feedback.complaint_category_delivery")
        Complaint = cls.env["crm.complaint"]
        cls.complaints = Complaint.create([
            {"partner_id": partner.id, "subject": "صورت‌حساب تکراری", "description": "-",
             "category_id": billing.id, "date_received": datetime(2026, 10, 10, 9, 30)},
            {"partner_id": partner.id, "subject": "تأخیر در ارسال", "description": "-",
             "category_id": delivery.id, "date_received": datetime(2026, 11, 2, 14, 0)},
            {"partner_id": partner.id, "subject": "کالای آسیب‌دیده", "description": "-",
             "category_id": delivery.id, "date_received": datetime(2026, 11, 20, 8, 0)},
        ])

    def test_review_on_paper(self):
        pdf = self.render_pdf_as_reader("crm_feedback.action_report_complaint_review",
                                        self.complaints.ids)
        save_first_page(pdf, "report_complaint_review")
        self.assertWordsInside(pdf, (15, 15, 15, 15))
        # Persian words with their non-joiner, as a person searches them.
        self.assertSearchable(pdf, "بازنگری مدیریت شکایت‌ها", "شکایت‌ها",
                              "شکایت دریافت‌شده بین", "دریافت از طریق", "پاسخ به‌موقع")
        self.assertNonJoinerKept(pdf, "شکایت", "ها")
        # The period and the months in the reader's calendar (Jalali, Persian digits):
        # 2026-10-10 13:00 Tehran is 18 Mehr 1405; 2026-11-20 is 29 Aban 1405.
        self.assertReaderCalendar(pdf, ["۱۸ مهر ۱۴۰۵", "۲۹ آبان ۱۴۰۵"], 2026)
        self.assertSearchable(pdf, "مهر ۱۴۰۵", "آبان ۱۴۰۵")
        # Counts and rates in the reader's Persian digits, as the dates.
        self.assertSearchable(pdf, "۳ شکایت")
        self.assertNotRegex(pdf_text(pdf), "[0-9]")
