# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.addons.parand_base.tests.pdf_checks import (
    PdfReportCase,
    PersianPdfCase,
    pdf_text,
    save_first_page,
)
from odoo.tests import HttpCase, tagged


def _create_complaints(env):
    """Three complaints of a Persian customer, received from October to November 2026."""
    partner = env["res.partner"].create({"name": "حمید رضایی", "lang": "fa_IR"})
    billing = env.ref("crm_feedback.complaint_category_billing")
    delivery = env.ref("crm_feedback.complaint_category_delivery")
    return env["crm.complaint"].create([
        {"partner_id": partner.id, "subject": "صورت‌حساب تکراری", "description": "-",
         "category_id": billing.id, "date_received": datetime(2026, 10, 10, 9, 30)},
        {"partner_id": partner.id, "subject": "تأخیر در ارسال", "description": "-",
         "category_id": delivery.id, "date_received": datetime(2026, 11, 2, 14, 0)},
        {"partner_id": partner.id, "subject": "کالای آسیب‌دیده", "description": "-",
         "category_id": delivery.id, "date_received": datetime(2026, 11, 20, 8, 0)},
    ])


@tagged("post_install", "-at_install")
class TestComplaintReviewPdf(PersianPdfCase, HttpCase):
    """The complaints management review on paper, printed by a Persian Jalali manager."""

    pdf_module = "crm_feedback"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reader.persian_digits = True
        cls.complaints = _create_complaints(cls.env)

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


@tagged("post_install", "-at_install")
class TestComplaintReviewPdfGregorian(PdfReportCase, HttpCase):
    """The review printed in Persian by a reader of the Gregorian calendar and Latin digits:
    the Persian text reaches the PDF through parand_base alone (its font and the rewrite of
    Persian runs), whether parand_crm is installed or not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["crm_feedback"], ["fa_IR"])
        cls.reader = cls.env.ref("base.user_admin")
        cls.reader.write({"lang": "fa_IR", "tz": "Asia/Tehran"})
        # parand_crm, when installed, gives a Persian user the Jalali calendar by default.
        if "date_calendar" in cls.reader._fields:
            cls.reader.write({"date_calendar": "gregorian", "persian_digits": False})
        cls.complaints = _create_complaints(cls.env)

    def test_review_keeps_non_joiners_and_digits(self):
        self.env = self.env(user=self.reader, context=dict(self.env.context, lang="fa_IR"))
        pdf = self.render_pdf("crm_feedback.action_report_complaint_review",
                              self.complaints.ids)
        self.assertSearchable(pdf, "بازنگری مدیریت شکایت‌ها", "شکایت دریافت‌شده بین")
        self.assertNonJoinerKept(pdf, "شکایت", "ها")
        self.assertNonJoinerKept(pdf, "دریافت", "شده")
        # Latin digits, read back from the PDF: the count and the Gregorian year.
        self.assertSearchable(pdf, "3 شکایت دریافت‌شده بین", "2026")
