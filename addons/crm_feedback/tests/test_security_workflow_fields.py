# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Workflow and KPI fields written over RPC (L4): a salesperson closing a complaint without
its steps, faking its promise figures or the customer's answer, and a crafted feedback
source key that broke the score cron."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

COMPLAINT_WORKFLOW_VALUES = {
    "state": "closed",
    "customer_decision": "accepted",
    "satisfaction_score": 5.0,
    "acknowledged_on_time": True,
    "responded_on_time": True,
    "hours_to_acknowledge": 0.1,
    "hours_to_respond": 0.2,
}


@tagged("post_install", "-at_install")
class TestSecurityWorkflowFields(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, feedback_no_followup=True,
                                       feedback_cron_no_commit=True))
        cls.seller = new_test_user(cls.env, "sec_wf_seller",
                                   groups="sales_team.group_sale_salesman")
        cls.customer = cls.env["res.partner"].create({"name": "Workflow Co", "is_company": True,
                                                      "email": "wf@example.ir",
                                                      "user_id": cls.seller.id})
        cls.complaint = cls.env["crm.complaint"].with_user(cls.seller).create({
            "partner_id": cls.customer.id, "subject": "Broken", "description": "Broken",
            "category_id": cls.env.ref("crm_feedback.complaint_category_product").id})
        cls.feedback = cls.env["crm.feedback"].with_user(cls.seller).with_context(
            feedback_no_followup=False).create({
            "partner_id": cls.customer.id, "channel": "phone", "score_type": "csat",
            "value": 1})

    def test_salesperson_cannot_write_complaint_workflow_fields(self):
        complaint = self.complaint.with_user(self.seller)
        for fname, value in COMPLAINT_WORKFLOW_VALUES.items():
            with self.subTest(field=fname), self.assertRaises(UserError):
                complaint.write({fname: value})
        self.assertEqual(self.complaint.state, "received")
        self.assertFalse(self.complaint.hours_to_acknowledge)
        with self.assertRaises(UserError):
            self.env["crm.complaint"].with_user(self.seller).create({
                "partner_id": self.customer.id, "subject": "Fake", "description": "Fake",
                "state": "closed", "satisfaction_score": 5.0})
        # Spoofing a context key does not help.
        with self.assertRaises(UserError):
            complaint.with_context(complaint_workflow=True, workflow=True).write(
                {"state": "closed"})

    def test_the_workflow_still_sets_them(self):
        complaint = self.complaint.with_user(self.seller)
        complaint.action_acknowledge()
        self.assertEqual(self.complaint.state, "acknowledged")
        self.assertTrue(self.complaint.acknowledged_on_time)
        complaint.action_assess()
        complaint.action_investigate()
        complaint.write({"response": "Replaced", "resolution": "Replaced",
                         "root_cause_id": self.env.ref(
                             "crm_feedback.complaint_root_cause_process").id})
        complaint.action_respond()
        self.assertEqual(self.complaint.state, "responded")
        self.assertTrue(self.complaint.hours_to_respond >= 0)
        complaint.action_close()
        self.assertEqual(self.complaint.state, "closed")
        complaint.action_reopen()
        self.assertEqual((self.complaint.state, self.complaint.reopen_count), ("reopened", 1))

    def test_workflow_action_on_a_complaint_out_of_reach(self):
        """The workflow writes as superuser after checking the user's right to write."""
        other = new_test_user(self.env, "sec_wf_other", groups="sales_team.group_sale_salesman")
        team = self.env["crm.team"].create({"name": "Elsewhere",
                                            "member_ids": [(6, 0, other.ids)]})
        foreign = self.env["crm.complaint"].create({
            "partner_id": self.customer.id, "subject": "Theirs", "description": "Theirs",
            "user_id": other.id, "team_id": team.id})
        with self.assertRaises(AccessError):
            foreign.with_user(self.seller).action_acknowledge()
        self.assertEqual(foreign.state, "received")

    def test_salesperson_cannot_write_feedback_bookkeeping(self):
        feedback = self.feedback.with_user(self.seller)
        self.assertEqual(self.feedback.followup_state, "pending", "low CSAT asks a call back")
        for fname, value in (("source_key", "refund:x"), ("followup_state", "done")):
            with self.subTest(field=fname), self.assertRaises(UserError):
                feedback.write({fname: value})
        with self.assertRaises(UserError):
            self.env["crm.feedback"].with_user(self.seller).create({
                "partner_id": self.customer.id, "channel": "phone",
                "source_key": "refund:999999"})
        # Completing the follow-up activity is how the loop is closed.
        self.feedback.activity_ids.with_user(self.seller).action_feedback(feedback="Called")
        self.assertEqual(self.feedback.followup_state, "done")

    def test_source_keys_are_validated(self):
        Feedback = self.env["crm.feedback"]
        for key in ("refund:x", "refund:", "refund:12:3", "complaint:abc", "nonsense",
                    "refund:99999999999"):
            with self.subTest(key=key), self.assertRaises(ValidationError) as caught, \
                    self.env.cr.savepoint():
                Feedback.create({"partner_id": self.customer.id, "channel": "return",
                                 "kind": "implicit", "source_key": key})
            self.assertIn(Feedback._fields["source_key"]._description_string(self.env),
                          str(caught.exception))
        Feedback.create({"partner_id": self.customer.id, "channel": "return",
                         "kind": "implicit", "source_key": "refund:12"})

    def test_score_cron_survives_a_bad_source_key(self):
        """A bad key stored before the check (or by SQL) does not stop the cron's batch."""
        refund = self.env["account.move"].create({
            "move_type": "out_refund", "partner_id": self.customer.id,
            "invoice_line_ids": [(0, 0, {"name": "Chairs", "quantity": 1, "price_unit": 10.0,
                                         "tax_ids": [(6, 0, [])]})]})
        refund.action_post()
        self.env.flush_all()
        self.env.cr.execute("UPDATE crm_feedback SET source_key = 'refund:x' WHERE id = %s",
                            (self.feedback.id,))
        self.env.invalidate_all()
        params = self.env["ir.config_parameter"]
        params.set_param("crm_feedback.score_run", False)
        with mute_logger("odoo.sql_db"):
            self.env["crm.feedback.scoring"]._cron_compute()
        self.customer.invalidate_recordset()
        self.assertTrue(self.customer.satisfaction_date)

    def test_a_rating_by_rpc_makes_no_feedback_about_anothers_customer(self):
        """Every employee may create ratings; the feedback derived from one must be feedback
        the rater may write."""
        rater = new_test_user(self.env, "sec_wf_rater", groups="sales_team.group_sale_salesman")
        employee = new_test_user(self.env, "sec_wf_employee", groups="base.group_user")
        vals = {"res_model_id": self.env["ir.model"]._get_id("res.partner"),
                "res_id": self.customer.id, "partner_id": self.customer.id, "rating": 1,
                "consumed": True}
        for user in (rater, employee):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["rating.rating"].with_user(user).create(dict(vals))
        self.assertFalse(self.env["crm.feedback"].search([("channel", "=", "rating"),
                                                          ("partner_id", "=", self.customer.id)]))
        # The customer's salesperson may.
        self.env["rating.rating"].with_user(self.seller).create(dict(vals))
        self.assertTrue(self.env["crm.feedback"].search([("channel", "=", "rating"),
                                                         ("partner_id", "=", self.customer.id)]))
