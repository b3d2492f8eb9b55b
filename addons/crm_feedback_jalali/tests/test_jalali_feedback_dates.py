from datetime import datetime, timedelta

from odoo import fields
from odoo.addons.parand_base.tests.screenshots import start_tour_with_screenshot
from odoo.addons.parand_crm.tools import jalali
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestJalaliFeedbackDates(HttpCase):
    """With both addons, a Jalali reader meets Jalali dates on the feedback dashboard, in
    the week groups of the Satisfaction Trend, in complaint mails and on the portal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.manager = new_test_user(
            cls.env, "fb_jalali_manager", password="fb_jalali_manager_pw", lang="fa_IR",
            tz="Asia/Tehran", groups="sales_team.group_sale_manager,base.group_user")
        cls.portal = new_test_user(
            cls.env, "fb_jalali_portal", password="fb_jalali_portal_pw", lang="fa_IR",
            tz="Asia/Tehran", groups="base.group_portal")
        cls.Feedback = cls.env["crm.feedback"].with_context(feedback_no_followup=True)
        now = fields.Datetime.now()
        cls.Feedback.create([{
            "partner_id": cls.portal.partner_id.id, "channel": "survey", "score_type": kind,
            "value": value, "date": now - timedelta(days=days),
        } for kind, value, days in (("nps", 10, 0), ("nps", 3, 35), ("csat", 5, 70))])
        cls.complaint = cls.env["crm.complaint"].create({
            "partner_id": cls.portal.partner_id.id, "subject": "Late delivery",
            "description": "Two weeks late.", "date_received": datetime(2026, 11, 20, 8, 0)})

    def test_dashboard_months_are_jalali_months(self):
        data = self.Feedback.with_user(self.manager).with_context(
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali").get_dashboard_data(30)
        this_month = jalali.period_label(
            (fields.Datetime.now() + timedelta(hours=3, minutes=30)).date(), "month")
        labels = [row["label"] for row in data["by_month"]]
        self.assertIn(this_month, labels)
        for row in data["by_month"]:
            self.assertRegex(row["label"], r"^[آ-ی]+ 14\d\d$")

    def test_week_groups_are_weeks_of_the_jalali_year(self):
        groups = self.env["crm.feedback"].with_user(self.manager).with_context(
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali").read_group(
            [("partner_id", "=", self.portal.partner_id.id)], ["__count"], ["date:week"])
        self.assertTrue(groups)
        for group in groups:
            self.assertRegex(group["date:week"], r"^هفتهٔ \d{1,2} 14\d\d$")

    def test_complaint_mail_to_a_customer_without_language(self):
        customer = self.env["res.partner"].create({"name": "Sara", "email": "sara@example.ir",
                                                   "tz": "Asia/Tehran", "lang": False})
        complaint = self.env["crm.complaint"].with_context(lang="fa_IR").create({
            "partner_id": customer.id, "subject": "Broken", "description": "Broken box.",
            "category_id": self.env.ref("crm_feedback.complaint_category_delivery").id})
        complaint.with_context(lang="fa_IR").action_acknowledge()
        message = complaint.message_ids.filtered(lambda m: customer in m.partner_ids)
        deadline = complaint.date_deadline_response
        self.assertTrue(deadline)
        local = deadline + timedelta(hours=3, minutes=30)
        self.assertIn(jalali.format_date(local, "%d %B %Y", digits="persian"), message.body)
        self.assertNotIn(f"{deadline.year}/", message.body)

    def test_portal_list_and_page_in_the_readers_calendar(self):
        self.authenticate("fb_jalali_portal", "fb_jalali_portal_pw")
        listing = self.url_open("/my/complaints").text
        # 20 November 2026, 11:30 in Tehran: 29 Aban 1405.
        self.assertIn("۲۹ آبان ۱۴۰۵", listing)
        self.assertNotIn("2026/11/20", listing)
        page = self.url_open(f"/my/complaints/{self.complaint.id}").text
        self.assertIn("۲۹ آبان ۱۴۰۵، ۱۱:۳۰", page)
        self.assertNotIn("2026/11/20", page)

    def test_dashboard_tour(self):
        start_tour_with_screenshot(
            self, "/odoo/action-crm_feedback.crm_feedback_dashboard_action",
            "crm_feedback_jalali_dashboard", "feedback_dashboard_jalali",
            login="fb_jalali_manager")
        self.start_tour("/odoo/action-crm_feedback.crm_feedback_dashboard_action",
                        "crm_feedback_jalali_dashboard_month", login="fb_jalali_manager")

    def test_management_review_months_in_the_printing_users_calendar(self):
        # No calendar in the context (a report printed from a link): the user's own.
        review = self.env["report.crm_feedback.report_complaint_review"].with_user(
            self.manager).with_context(lang="fa_IR", tz="Asia/Tehran")
        rows = review._month_rows([("complaint_id", "=", self.complaint.id)])
        self.assertEqual([row["label"] for row in rows], ["آبان 1405"])
