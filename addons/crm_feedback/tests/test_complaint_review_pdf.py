# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib
from datetime import datetime
from unittest import SkipTest

from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintReviewPdf(HttpCase):
    """The complaints management review on paper, printed by a Persian Jalali manager.

    The PDF checks and the font they are checked in come with parand_crm: without it
    (crm_feedback does not depend on it) the test is skipped."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("parand_crm").state != "installed":
            raise SkipTest("parand_crm is not installed: it brings the PDF checks")
        cls.pdf = importlib.import_module("odoo.addons.parand_crm.tests.pdf_checks")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["crm_feedback"], ["fa_IR"])
        cls.manager = cls.env.ref("base.user_admin")
        cls.manager.write({"lang": "fa_IR", "tz": "Asia/Tehran", "date_calendar": "jalali",
                           "persian_digits": True})
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
        self.env = self.env(user=self.manager, context=dict(self.env.context, lang="fa_IR"))
        pdf = self.pdf.render_pdf(self, "crm_feedback.action_report_complaint_review",
                                  self.complaints.ids)
        self.pdf.save_first_page(pdf, "report_complaint_review")
        self.pdf.assert_words_inside(self, pdf, (15, 15, 15, 15))
        # Persian words with their non-joiner, as a person searches them.
        self.pdf.assert_searchable(self, pdf, "بازنگری مدیریت شکایت‌ها", "شکایت‌ها",
                                   "شکایت دریافت‌شده بین", "دریافت از طریق", "پاسخ به‌موقع")
        self.pdf.assert_non_joiner_kept(self, pdf, "شکایت", "ها")
        # The period and the months in the reader's calendar (Jalali, Persian digits):
        # 2026-10-10 13:00 Tehran is 18 Mehr 1405; 2026-11-20 is 29 Aban 1405.
        self.pdf.assert_reader_calendar(self, pdf, ["۱۸ مهر ۱۴۰۵", "۲۹ آبان ۱۴۰۵"], 2026)
        self.pdf.assert_searchable(self, pdf, "مهر ۱۴۰۵", "آبان ۱۴۰۵")
        # Counts and rates in the reader's Persian digits, as the dates.
        self.pdf.assert_searchable(self, pdf, "۳ شکایت")
        self.assertNotRegex(self.pdf.pdf_text(pdf), "[0-9]")
