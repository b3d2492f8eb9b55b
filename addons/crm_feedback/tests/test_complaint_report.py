# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintReport(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls.env["res.partner"].create({"name": "Hamid", "email": "h@example.ir"})
        cls.billing = cls.env.ref("crm_feedback.complaint_category_billing")
        cls.delivery = cls.env.ref("crm_feedback.complaint_category_delivery")
        cls.cause = cls.env.ref("crm_feedback.complaint_root_cause_training")
        Complaint = cls.env["crm.complaint"]
        vals = {"partner_id": cls.partner.id, "subject": "S", "description": "D",
                "response": "R", "resolution": "Fixed", "root_cause_id": cls.cause.id}
        # Two answered on time, one answered late (received long ago), one still open.
        cls.on_time = Complaint.create([dict(vals, category_id=cls.billing.id)
                                        for _i in range(2)])
        cls.late = Complaint.create(dict(vals, category_id=cls.delivery.id,
                                         date_received=datetime(2025, 1, 1, 9, 0)))
        cls.open = Complaint.create(dict(vals, category_id=cls.delivery.id))
        answered = cls.on_time | cls.late
        for step in ("action_acknowledge", "action_assess", "action_investigate",
                     "action_respond"):
            getattr(answered, step)()
        cls.late._customer_reject("No")
        cls.late.action_respond()
        cls.on_time.action_close()

    def test_measures_by_category(self):
        self.env.flush_all()  # the analysis is an SQL view over the complaints table
        Report = self.env["crm.complaint.report"]
        domain = [("complaint_id", "in", (self.on_time | self.late | self.open).ids)]
        rows = {category: (count, on_time, reopened) for category, count, on_time, reopened in
                Report._read_group(domain, ["category_id"], ["nbr:sum",
                                                             "responded_on_time_rate:avg",
                                                             "reopen_rate:avg"])}
        self.assertEqual(rows[self.billing], (2, 100.0, 0.0))
        count, on_time, reopened = rows[self.delivery]
        self.assertEqual(count, 2)
        self.assertEqual(on_time, 0.0)  # the open one is not counted in the rate
        self.assertEqual(reopened, 50.0)
        causes = Report._read_group([*domain, ("root_cause_id", "!=", False)],
                                    ["root_cause_id"], ["__count"])
        self.assertEqual(causes, [(self.cause, 4)])

    def test_management_review_pdf_content(self):
        complaints = self.on_time | self.late | self.open
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "crm_feedback.action_report_complaint_review", complaints.ids)
        html = html.decode()
        self.assertIn("Complaints Management Review", html)
        self.assertIn(self.billing.name, html)
        self.assertIn(self.cause.name, html)
        self.assertIn("66.7", html)  # two of three answered complaints on time

    def test_satisfaction_survey_on_close(self):
        complaint = self.on_time[0]
        answer = complaint.satisfaction_input_id
        self.assertTrue(answer, "closing sends the satisfaction survey")
        self.assertEqual(answer.partner_id, self.partner)
        self.assertEqual(answer.complaint_id, complaint)
        question = self.env.ref("crm_feedback.survey_complaint_satisfaction_q1")
        answer._save_lines(question, 4)
        answer._mark_done()
        self.assertEqual(complaint.satisfaction_score, 4)
        self.env.flush_all()  # the analysis is an SQL view over the complaints table
        report = self.env["crm.complaint.report"].search([("complaint_id", "=", complaint.id)])
        self.assertEqual(report.satisfaction_score, 4)
