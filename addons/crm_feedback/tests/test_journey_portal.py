# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 2 of issue 12 in Chromium: a Persian portal customer who reads Jalali dates follows
his complaints, answers our responses, his NPS invitation and the survey on the handling of
his closed complaint (tour crm_feedback_journey_portal); staff then find his answers in his
ledger and his satisfaction score."""
import datetime

from odoo.addons.parand_base.tests.journey import JalaliJourneyCase
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalJourney(JalaliJourneyCase, HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.module.module"]._load_module_terms(["survey", "crm_feedback"], ["fa_IR"],
                                                       overwrite=True)
        cls.customer = new_test_user(
            cls.env, "fb_journey_customer", password="fb_journey_customer_pw",
            groups="base.group_portal", name="بهرام کاظمی", email="bahram@example.ir",
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali")
        cls.partner = cls.customer.partner_id
        cls.partner.is_company = True  # his own account: the ledger and score are his
        category = cls.env.ref("crm_feedback.complaint_category_product")

        def responded(subject, response, received):
            complaint = cls.env["crm.complaint"].create({
                "partner_id": cls.partner.id, "subject": subject,
                "description": "شرح شکایت " + subject, "category_id": category.id,
                "date_received": received})
            complaint.action_acknowledge()
            complaint.action_assess()
            complaint.action_investigate()
            complaint.response = response
            complaint.action_respond()
            return complaint

        # 10 November 2026 08:00 UTC is 19 Aban 1405, 11:30 in Tehran.
        cls.to_reject = responded("کیفیت پایین یخچال", "یخچال را تعمیر کردیم.",
                                  datetime.datetime(2026, 11, 10, 8, 0))
        cls.to_accept = responded("تأخیر در نصب کولر", "نصب را برای فردا برنامه‌ریزی کردیم.",
                                  datetime.datetime(2026, 11, 12, 8, 0))
        cls.closed = responded("صورتحساب اشتباه", "صورتحساب را اصلاح کردیم.",
                               datetime.datetime(2026, 11, 1, 8, 0))
        cls.closed.write({"resolution": "صورتحساب اصلاح شد.",
                          "root_cause_id": cls.env.ref(
                              "crm_feedback.complaint_root_cause_process").id})
        cls.closed.action_close()
        cls.nps = cls.env.ref("crm_feedback.survey_feedback_nps")
        cls.nps_invitation = cls.nps.sudo()._create_answer(partner=cls.partner)

    def _run_journey(self, **viewport):
        self.start_journey("/my/complaints", "crm_feedback_journey_portal",
                           login="fb_journey_customer", timeout=240, **viewport)
        self.assertEqual(self.to_reject.state, "reopened")
        self.assertEqual(self.to_reject.rejection_reason, "یخچال هنوز صدا می‌دهد")
        self.assertEqual(self.to_accept.customer_decision, "accepted")
        self.assertEqual(self.nps_invitation.state, "done")
        self.assertEqual(self.closed.satisfaction_score, 5)

        # Staff (a salesman reads the ledger and scores) find his answers on his account.
        staff = new_test_user(self.env, "fb_journey_staff",
                              groups="sales_team.group_sale_salesman_all_leads")
        ledger = self.env["crm.feedback"].with_user(staff).search(
            [("commercial_partner_id", "=", self.partner.id)])
        answers = {(feedback.channel, feedback.score_type, feedback.value)
                   for feedback in ledger if feedback.channel == "survey"}
        self.assertIn(("survey", "nps", 9), answers)
        self.assertIn(("survey", "csat", 5), answers)
        self.assertIn("پشتیبانی خوب و سریع", ledger.mapped("comment"))
        self.env["crm.feedback.scoring"].with_context(feedback_cron_no_commit=True)\
            ._cron_compute(batch_size=100000)
        partner = self.partner.with_user(staff)
        self.assertEqual(partner.nps_category, "promoter")
        self.assertGreater(partner.satisfaction_score, 50)

    def test_portal_journey_desktop(self):
        self._run_journey()

    def test_portal_journey_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        self._run_journey(width=390, height=844, mobile=True)
