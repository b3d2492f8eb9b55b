# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 4 of issue 12 in Chromium, its feedback and complaints part: a Persian sales
manager who reads the Jalali calendar opens the feedback dashboard, the complaint list and
analysis, and the management review (tour crm_feedback_journey_manager)."""
import re
import unittest
from datetime import datetime, timedelta

from lxml import html

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

GREGORIAN = re.compile(r"\b20\d\d[-/]\d\d?[-/]\d\d?\b|\b20\d\d-\d\d\b|\bW\d{1,2} 20\d\d\b")


@tagged("post_install", "-at_install")
class TestManagerJourneyFeedback(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The Jalali calendar is Parand CRM's; without it the journey has no Jalali reader.
        if cls.env["ir.module.module"]._get("parand_crm").state != "installed":
            raise unittest.SkipTest("The Jalali reader of this journey needs parand_crm.")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.manager = new_test_user(
            cls.env, "fb_journey_manager",
            groups="sales_team.group_sale_manager", name="مریم رضایی",
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali")
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
        # Imported here: the test is skipped above when parand_crm is not installed.
        from odoo.addons.parand_crm.tests.browser import emulated_browser
        from odoo.addons.parand_crm.tests.screenshots import tour_screenshots

        with tour_screenshots(), emulated_browser():
            self.start_tour("/odoo/action-crm_feedback.crm_feedback_dashboard_action",
                            "crm_feedback_journey_manager", login="fb_journey_manager",
                            timeout=180)

    def test_management_review_in_the_readers_calendar(self):
        """The review the print menu offers, as the manager reads it (its PDF is checked
        with pdftotext by test_complaint_review_pdf)."""
        report = self.env.ref("crm_feedback.action_report_complaint_review")
        content, _kind = self.env["ir.actions.report"].with_user(self.manager).with_context(
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali"
        )._render_qweb_html(report, self.complaints.ids)
        text = html.fromstring(content).text_content()
        self.assertIn("بازنگری مدیریت شکایت‌ها", text)
        self.assertIn("کیفیت محصول", text)  # the complaints by category
        self.assertRegex(text, r"14\d\d|۱۴[۰-۹]{2}")
        self.assertFalse(GREGORIAN.findall(text), "Gregorian dates in the review")
