"""Access matrix of crm_feedback: the rows of parand_base's access_matrix.TABLE for this
addon, each role (the table and its test case live in parand_base's tests, with the other
addons' rows: one table for the three addons)."""

from odoo.addons.parand_base.tests.access_matrix_case import AccessMatrixCase, add_matrix_tests
from odoo.tests import tagged


@tagged("post_install", "-at_install", "access_matrix")
class TestAccessMatrixCrmFeedback(AccessMatrixCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        Complaint = env["crm.complaint"]
        vals = {"partner_id": cls.customer.id, "subject": "Late delivery",
                "description": "The order came two weeks late.", "company_id": cls.company_a.id}
        Category = env["crm.complaint.category"]
        cls.records.update(
            complaint=Complaint.create(dict(vals, team_id=cls.team_a.id,
                                            user_id=cls.users["sales_team"].id)),
            complaint_unowned=Complaint.create(dict(vals, team_id=False, user_id=False)),
            complaint_category=Category.search([], limit=1) or Category.create(
                {"name": "Matrix category"}),
            feedback=env["crm.feedback"].with_context(feedback_no_followup=True).create({
                "partner_id": cls.customer.id, "channel": "phone", "comment": "Fine",
                "user_id": cls.users["sales_team"].id, "company_id": cls.company_a.id}),
        )


add_matrix_tests(TestAccessMatrixCrmFeedback, "crm_feedback")
