# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 4 of issue 12 in Chromium, its feedback and complaints part: a Persian sales
manager who reads the Jalali calendar opens the feedback dashboard, the complaint list and
analysis, and the management review (tour crm_feedback_journey_manager)."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.addons.parand_base.tests.journey import JalaliJourneyCase
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestManagerJourneyFeedback(JalaliJourneyCase, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.jalali_manager("fb_journey_manager")
        customer = cls.env["res.partner"].create({"name": "فروشگاه آفتاب", "is_company": True})
        now = fields.Datetime.now()
        cls.env["crm.feedback"].with_context(feedback_no_followup=True).create([{
            "partner_id": customer.id, "channel": "survey", "score_type": kind,
            "value": value, "date": now - timedelta(days=days),
        } for kind, value, days in (("nps", 10, 1), ("nps", 9, 20), ("nps", 4, 45),
                                    ("csat", 5, 2), ("csat", 2, 40))])
        Complaint = cls.env["crm.complaint"]
        cls.complaints = Complaint.create([{
            "partner_id": customer.id, "subject": subject, "description": subject,
            "category_id": cls.env.ref(category).id, "date_received": received,
        } for subject, category, received in (
            ("خرابی کمپرسور", "crm_feedback.complaint_category_product",
             now - timedelta(days=3)),
            ("تأخیر در ارسال", "crm_feedback.complaint_category_delivery",
             now - timedelta(days=35)),
            ("برخورد نامناسب", "crm_feedback.complaint_category_product",
             datetime(2026, 10, 10, 6, 0)),
        )])
        cls.complaints[1].action_acknowledge()

    def test_manager_journey_feedback(self):
        self.start_journey("/odoo/action-crm_feedback.crm_feedback_dashboard_action",
                           "crm_feedback_journey_manager", login="fb_journey_manager")

    def test_management_review_in_the_readers_calendar(self):
        """The review the print menu offers, as the manager reads it (its PDF is checked
        with pdftotext by test_complaint_review_pdf)."""
        text = self.report_text(self.manager, "crm_feedback.action_report_complaint_review",
                                self.complaints.ids)
        self.assertIn("بازنگری مدیریت شکایت‌ها", text)
        self.assertIn("کیفیت محصول", text)  # the complaints by category
        self.assertRegex(text, r"14\d\d|۱۴[۰-۹]{2}")
        self.assertNoGregorian(text, "the review")
