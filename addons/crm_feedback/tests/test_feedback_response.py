# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFeedbackResponseTime(TransactionCase):
    """How fast a customer answers our emails and messages, as an implicit signal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, feedback_no_followup=True,
                                       feedback_cron_no_commit=True))
        cls.Partner = cls.env["res.partner"]
        cls.account, cls.quiet = cls.Partner.create([
            {"name": "Answering Co", "is_company": True},
            {"name": "Quiet Co", "is_company": True},
        ])
        cls.contact = cls.Partner.create({"name": "Maryam", "parent_id": cls.account.id})
        cls.lead, cls.other_lead = cls.env["crm.lead"].create([
            {"name": "Desks", "partner_id": cls.contact.id},
            {"name": "Lamps", "partner_id": cls.account.id},
        ])
        cls.us = cls.env.user.partner_id
        cls.now = fields.Datetime.now().replace(microsecond=0)

    def _message(self, record, author, hours_ago, note=False):
        subtype = "mail.mt_note" if note else "mail.mt_comment"
        return self.env["mail.message"].create({
            "model": record._name, "res_id": record.id, "author_id": author.id,
            "message_type": "comment" if author == self.us else "email",
            "subtype_id": self.env.ref(subtype).id, "body": "Hello",
            "date": self.now - timedelta(hours=hours_ago)})

    def _exchanges(self):
        # On the lead: we write, the customer answers 100 hours later, then again (a second
        # message of theirs is no answer).
        self._message(self.lead, self.us, 500)
        self._message(self.lead, self.contact, 400)
        self._message(self.lead, self.contact, 390)
        # On the account: 260 hours to answer.
        self._message(self.account, self.us, 300)
        self._message(self.account, self.contact, 40)
        # An internal note is no contact: the answer after it does not count.
        self._message(self.other_lead, self.us, 30, note=True)
        self._message(self.other_lead, self.account, 1)
        # Older than the window: ignored.
        self._message(self.other_lead, self.us, 24 * 200)
        self._message(self.other_lead, self.account, 24 * 199)

    def _feedback(self, account):
        return self.env["crm.feedback"].search([("commercial_partner_id", "=", account.id),
                                                ("channel", "=", "response")])

    def test_median_response_time_one_feedback_and_score(self):
        self._exchanges()
        ids = (self.account | self.quiet).ids
        replies = self.env["crm.feedback.implicit"]._sync_response_times(ids)
        self.assertEqual(self.account.feedback_response_hours, 180.0, "median of 100 and 260")
        self.assertEqual(replies[self.account.id][1], 2)
        self.assertFalse(self.quiet.feedback_response_hours)
        feedback = self._feedback(self.account)
        self.assertEqual(len(feedback), 1)
        self.assertEqual((feedback.kind, feedback.partner_id), ("implicit", self.account))
        self.assertIn("180", feedback.comment.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")))
        self.assertEqual(feedback.date, self.now - timedelta(hours=40), "the latest answer")
        self.assertFalse(self._feedback(self.quiet))
        # Again: the same record.
        self.env["crm.feedback.implicit"]._sync_response_times(ids)
        self.assertEqual(self._feedback(self.account), feedback)
        # Scored: nothing else known of the account, a 180-hour answer scores 50.
        params = self.env["ir.config_parameter"]
        params.set_param("crm_feedback.score_run", False)
        self.env["crm.feedback.scoring"]._cron_compute()
        self.assertEqual(self.account.satisfaction_score, 50.0)
        # No answer left in the window: the hours and the feedback go.
        params.set_param("crm_feedback.response_window_days", 1)
        self.env["crm.feedback.implicit"]._sync_response_times(ids)
        self.assertFalse(self.account.feedback_response_hours)
        self.assertFalse(self._feedback(self.account))

    def test_queries_constant_per_batch(self):
        self._exchanges()
        self.env["crm.feedback.implicit"]._sync_response_times([self.quiet.id])  # parameters cached
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.env["crm.feedback.implicit"]._sync_response_times([self.account.id])
        one = self.env.cr.sql_log_count - before
        accounts = self.Partner.create([{"name": f"Writer {i}", "is_company": True}
                                        for i in range(4)])
        for i, account in enumerate(accounts):
            self._message(account, self.us, 50 + i)
            self._message(account, account, 10)
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        self.env["crm.feedback.implicit"]._sync_response_times([*accounts.ids, self.account.id])
        self.assertEqual(self.env.cr.sql_log_count - before, one)
        self.assertEqual(accounts.mapped("feedback_response_hours"), [40.0, 41.0, 42.0, 43.0])

    def test_response_time_read_in_the_salesperson_language(self):
        """The cron writes the feedback; the Persian salesperson reads Persian words and
        digits, an English one English."""
        if not self.env["res.lang"]._lang_get("fa_IR"):
            self.skipTest("Persian is not loaded in this database")
        persian_user = self.env["res.users"].create({
            "name": "Reza", "login": "reza_response", "lang": "fa_IR"})
        self.account.user_id = persian_user
        self._exchanges()
        self.env["crm.feedback.implicit"].with_context(lang="en_US")._sync_response_times(
            [self.account.id])
        comment = self._feedback(self.account).comment
        self.assertIn("میانه زمان پاسخ", comment)
        self.assertIn("۱۸۰٫۰", comment, "180.0 hours in Persian digits")
        self.assertNotIn("hours", comment)
        Implicit = self.env["crm.feedback.implicit"]
        self.assertEqual(Implicit._response_time_comment(self.account, 0.25, 2, 90),
                         "میانه زمان پاسخ: ۰٫۲۵ ساعت در ۲ پاسخ طی ۹۰ روز.")
        self.account.user_id = self.env["res.users"].create({
            "name": "John", "login": "john_response", "lang": "en_US"})
        self.assertEqual(Implicit._response_time_comment(self.account, 180, 2, 90),
                         "Median response time: 180.0 hours over 2 replies in 90 days.")
