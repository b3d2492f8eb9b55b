# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintPromise(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # An Iranian week: Saturday to Wednesday, 8:00-12:00 and 13:00-17:00 Tehran time.
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Tehran office",
            "tz": "Asia/Tehran",
            "attendance_ids": [(0, 0, {"name": f"{day} {start}", "dayofweek": str(day),
                                       "hour_from": start, "hour_to": end,
                                       "day_period": period})
                               for day in (5, 6, 0, 1, 2)
                               for start, end, period in ((8, 12, "morning"),
                                                          (13, 17, "afternoon"))],
        })
        # A public holiday on Wednesday 4 June 2025.
        cls.env["resource.calendar.leaves"].create({
            "name": "Holiday", "calendar_id": cls.calendar.id, "resource_id": False,
            "date_from": datetime(2025, 6, 3, 20, 30), "date_to": datetime(2025, 6, 4, 20, 29),
        })
        cls.env.company.resource_calendar_id = cls.calendar
        cls.category = cls.env.ref("crm_feedback.complaint_category_delivery")
        cls.promise = cls.env["crm.complaint.promise"].create({
            "name": "Delivery", "category_id": cls.category.id, "acknowledge_days": 1,
            "respond_days": 5, "sequence": 1})
        cls.partner = cls.env["res.partner"].create({"name": "Reza", "email": "r@example.ir"})

    def _complaint(self, **vals):
        return self.env["crm.complaint"].create(dict({
            "partner_id": self.partner.id, "subject": "Late", "description": "Late",
            "category_id": self.category.id}, **vals))

    def test_deadlines_skip_weekend_and_holiday(self):
        # Received Tuesday 3 June 2025 10:00 UTC; Wednesday is a holiday, Thursday and Friday
        # the weekend: acknowledge by Saturday 7 June 17:00 Tehran (13:30 UTC), respond by
        # the fifth working day, Wednesday 11 June.
        complaint = self._complaint(date_received=datetime(2025, 6, 3, 10, 0))
        self.assertEqual(complaint.promise_id, self.promise)
        self.assertEqual(complaint.date_deadline_acknowledge, datetime(2025, 6, 7, 13, 30))
        self.assertEqual(complaint.date_deadline_response, datetime(2025, 6, 11, 13, 30))

    def test_most_specific_promise_wins(self):
        critical = self.env.ref("crm_feedback.complaint_promise_critical")
        complaint = self._complaint(severity="critical")
        self.assertEqual(complaint.promise_id, self.promise)  # category beats severity
        other = self._complaint(severity="critical",
                                category_id=self.env.ref(
                                    "crm_feedback.complaint_category_billing").id)
        self.assertEqual(other.promise_id, critical)

    def test_on_time_measures(self):
        complaint = self._complaint(date_received=datetime.now() - timedelta(hours=1))
        complaint.action_acknowledge()
        self.assertTrue(complaint.acknowledged_on_time)
        late = self._complaint(date_received=datetime(2025, 6, 3, 10, 0))
        late.action_acknowledge()
        self.assertFalse(late.acknowledged_on_time)
        self.assertGreater(late.hours_to_acknowledge, 24)

    def _overdue(self, count, team):
        return self.env["crm.complaint"].create([{
            "partner_id": self.partner.id, "subject": f"Overdue {i}", "description": "x",
            "category_id": self.category.id, "team_id": team.id,
            "date_received": datetime(2025, 6, 3, 10, 0)} for i in range(count)])

    def _queries(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_overdue_cron_escalates_once_in_constant_queries(self):
        leader = self.env["res.users"].create({
            "name": "Leader", "login": "leader_x", "email": "leader@example.ir",
            "tz": "Asia/Tehran",
            "groups_id": [(6, 0, [self.env.ref("sales_team.group_sale_manager").id])]})
        team = self.env["crm.team"].create({"name": "Complaints desk", "user_id": leader.id})
        Complaint = self.env["crm.complaint"].with_context(complaint_cron_no_commit=True)
        Complaint.search([("state", "!=", "closed")]).write({"state": "closed"})
        small = self._overdue(3, team)
        queries_small = self._queries(lambda: Complaint._cron_escalate_overdue(batch_size=100))
        self.assertEqual(len(small.activity_ids), 3)
        self.assertEqual(small.activity_ids.user_id, leader)
        # As the ORM computes them: the document's name and the assignee's time zone, given
        # at insert; the team leader follows each complaint.
        self.assertEqual(sorted(small.activity_ids.mapped("res_name")),
                         sorted(small.mapped("display_name")))
        self.assertEqual(set(small.activity_ids.mapped("user_tz")), {"Asia/Tehran"})
        for complaint in small:
            self.assertIn(leader.partner_id, complaint.message_partner_ids)
        self.assertTrue(all(small.mapped("acknowledge_overdue_escalated")))
        mails = self.env["mail.mail"].search([("email_to", "ilike", "leader@example.ir")])
        self.assertEqual(len(mails), 1)
        self.assertIn(small[0].name, mails.body_html)

        large = self._overdue(30, team)
        queries_large = self._queries(lambda: Complaint._cron_escalate_overdue(batch_size=100))
        self.assertEqual(len(large.activity_ids), 30)
        # Ten times the complaints, the same queries: nothing is done per complaint.
        self.assertLessEqual(queries_large, queries_small)

        # Idempotent: a second run finds nothing more to escalate.
        self.assertEqual(Complaint._cron_escalate_overdue(batch_size=100), 0)
        self.assertEqual(len((small | large).activity_ids), 33)

        # After acknowledgement the response promise runs and lapses separately.
        small[0].action_acknowledge()
        self.assertEqual(Complaint._cron_escalate_overdue(batch_size=100), 1)
        self.assertTrue(small[0].response_overdue_escalated)
        self.assertEqual(len(small[0].activity_ids), 2)
