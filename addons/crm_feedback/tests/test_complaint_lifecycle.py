# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestComplaintLifecycle(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls.env["res.partner"].create({"name": "Sara Karimi",
                                                     "email": "sara@example.ir"})
        cls.category = cls.env.ref("crm_feedback.complaint_category_delivery")
        cls.root_cause = cls.env.ref("crm_feedback.complaint_root_cause_process")

    def _complaint(self, **vals):
        return self.env["crm.complaint"].create(dict({
            "partner_id": self.partner.id, "subject": "Late delivery",
            "description": "Two weeks late", "channel": "email"}, **vals))

    def test_full_lifecycle(self):
        complaint = self._complaint()
        self.env.cr.flush()
        self.assertTrue(complaint.name.startswith("CMP/"))
        self.assertEqual(complaint.state, "received")
        complaint.action_acknowledge()
        self.env.cr.flush()  # each button is its own transaction in the web client
        self.assertTrue(complaint.date_acknowledged)
        with self.assertRaisesRegex(UserError, "Category"):
            complaint.action_assess()
        self.env.cr.flush()  # each button is its own transaction in the web client
        complaint.category_id = self.category
        complaint.action_assess()
        self.env.cr.flush()  # each button is its own transaction in the web client
        complaint.action_investigate()
        self.env.cr.flush()  # each button is its own transaction in the web client
        with self.assertRaisesRegex(UserError, "Response to the Customer"):
            complaint.action_respond()
        complaint.response = "We refunded the shipping."
        complaint.action_respond()
        self.env.cr.flush()
        self.assertEqual(complaint.state, "responded")
        with self.assertRaisesRegex(UserError, "Resolution and Root Cause"):
            complaint.action_close()
        complaint.write({"resolution": "Refund", "root_cause_id": self.root_cause.id})
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")
        self.env.cr.flush()
        self.env.invalidate_all()
        tracked = complaint.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state")
        self.assertGreaterEqual(len(tracked), 5)

    def test_reference_cannot_change(self):
        complaint = self._complaint()
        with self.assertRaisesRegex(UserError, "Reference"):
            complaint.name = "X"
        other = self._complaint()
        self.assertNotEqual(complaint.name, other.name)

    def test_escalation_and_reopen(self):
        complaint = self._complaint(category_id=self.category.id)
        complaint.action_acknowledge()
        with self.assertRaisesRegex(UserError, "External Body"):
            complaint.action_escalate()
        complaint.escalation_body = "Consumer Protection Organization"
        complaint.action_escalate()
        self.assertEqual(complaint.state, "escalated")
        self.assertEqual(complaint.escalation_outcome, "pending")
        self.assertTrue(complaint.escalation_date)
        complaint.write({"resolution": "Mediated", "root_cause_id": self.root_cause.id})
        with self.assertRaisesRegex(UserError, "Outcome"):
            complaint.action_close()
        complaint.escalation_outcome = "settled"
        complaint.action_close()
        self.assertEqual(complaint.state, "closed")

    def test_customer_rejects_then_accepts(self):
        complaint = self._complaint(category_id=self.category.id)
        complaint.action_acknowledge()
        complaint.action_assess()
        complaint.action_investigate()
        complaint.response = "Sorry"
        complaint.action_respond()
        first_response = complaint.date_responded
        with self.assertRaisesRegex(UserError, "Reason"):
            complaint._customer_reject("  ")
        complaint.date_deadline_response = "2020-01-01 00:00:00"
        complaint._customer_reject("Not enough")
        self.assertEqual(complaint.state, "reopened")
        self.assertEqual(complaint.customer_decision, "rejected")
        self.assertGreater(complaint.date_deadline_response, first_response,
                           "the response promise runs again from the reopening")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertEqual(complaint.rejection_reason, "Not enough")
        complaint.response = "Full refund"
        complaint.action_respond()
        self.assertEqual(complaint.state, "responded")
        self.assertTrue(complaint.date_responded >= first_response)
        complaint._customer_accept()
        self.assertEqual(complaint.customer_decision, "accepted")
        self.assertTrue(complaint.activity_ids)
        with self.assertRaisesRegex(UserError, "Status"):
            complaint.action_acknowledge()

    def test_acknowledgement_mail_reaches_the_customer(self):
        complaint = self._complaint(category_id=self.category.id)
        complaint.action_acknowledge()
        message = complaint.message_ids.filtered(lambda m: self.partner in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(complaint.name, message.subject)
        self.assertIn(complaint.get_portal_url(), message.body)

    def test_dates_in_mails_use_the_calendar_hook(self):
        complaint = self._complaint(category_id=self.category.id)
        self.assertTrue(complaint._format_date_for_partner(complaint.date_deadline_response))
        complaint_class = type(self.env["crm.complaint"])
        # A calendar bridge (crm_feedback_jalali) overrides this hook for Jalali readers.
        with patch.object(complaint_class, "_format_date_for_partner",
                          new=lambda complaint, value, partner=None: "۱۴۰۴/۰۳/۲۱"):
            complaint.action_acknowledge()
        message = complaint.message_ids.filtered(lambda m: self.partner in m.partner_ids)
        self.assertIn("۱۴۰۴/۰۳/۲۱", message.body)

    def test_form_view_records_a_complaint(self):
        with Form(self.env["crm.complaint"]) as form:
            form.partner_id = self.partner
            form.subject = "Broken on arrival"
            form.description = "The box was crushed."
            form.channel = "letter"
            form.category_id = self.category
        complaint = form.record
        self.assertTrue(complaint.name.startswith("CMP/"))
        self.assertTrue(complaint.date_deadline_acknowledge)
        self.assertEqual(complaint.user_id, self.env.user)
        action = self.env.ref("crm_feedback.crm_complaint_action")
        self.assertEqual(action.res_model, "crm.complaint")
        menu = self.env.ref("crm_feedback.crm_complaint_menu")
        self.assertEqual(menu.parent_id.parent_id, self.env.ref("crm.crm_menu_root"))
