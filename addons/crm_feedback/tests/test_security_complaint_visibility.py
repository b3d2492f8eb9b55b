# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who reads a complaint nobody owns yet, and its copy on the feedback ledger (L5)."""
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSecurityComplaintVisibility(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(cls.env, "sec_vis_seller",
                                   groups="sales_team.group_sale_salesman")
        cls.other_seller = new_test_user(cls.env, "sec_vis_other",
                                         groups="sales_team.group_sale_salesman")
        cls.officer = new_test_user(cls.env, "sec_vis_officer",
                                    groups="crm_feedback.group_complaint_officer")
        cls.manager = new_test_user(cls.env, "sec_vis_manager",
                                    groups="sales_team.group_sale_manager")
        cls.team, cls.other_team = cls.env["crm.team"].create([
            {"name": "Seller's", "member_ids": [(6, 0, cls.seller.ids)]},
            {"name": "Other's", "member_ids": [(6, 0, cls.other_seller.ids)]},
        ])
        # The seller looks after the account.
        cls.customer = cls.env["res.partner"].create({
            "name": "Nima Rahimi", "email": "nima@example.ir", "user_id": cls.seller.id})
        Complaint = cls.env["crm.complaint"]
        # As the public form files it: nobody owns it.
        cls.web = Complaint.create({
            "partner_id": cls.customer.id, "subject": "Web", "channel": "web_form",
            "description": "My home address is 12 Vali-Asr and my card is 6037...",
            "user_id": False})
        cls.attachment = cls.env["ir.attachment"].create({
            "name": "id-card.png", "raw": b"evidence", "res_model": "crm.complaint",
            "res_id": cls.web.id})
        # Handled by the other team, about the seller's customer.
        cls.others = Complaint.create({
            "partner_id": cls.customer.id, "subject": "Other team's", "description": "Medical",
            "user_id": cls.other_seller.id, "team_id": cls.other_team.id})
        cls.own = Complaint.create({
            "partner_id": cls.customer.id, "subject": "Own team's", "description": "Late",
            "user_id": False, "team_id": cls.team.id})
        cls.copy_of = {c: c.feedback_ids for c in (cls.web, cls.others, cls.own)}

    def test_unowned_complaints_are_for_complaints_officers(self):
        self.assertFalse(self.web.team_id or self.web.user_id)
        with self.assertRaises(AccessError):
            self.web.with_user(self.seller).read(["description"])
        self.assertNotIn(self.web, self.env["crm.complaint"].with_user(self.seller).search([]))
        with self.assertRaises(AccessError):
            self.attachment.with_user(self.seller).read(["raw"])
        # The officer reads and assigns them.
        complaint = self.web.with_user(self.officer)
        self.assertIn("Vali-Asr", complaint.description)
        self.attachment.with_user(self.officer).read(["raw"])
        complaint.write({"team_id": self.team.id})
        self.assertIn(self.web, self.env["crm.complaint"].with_user(self.seller).search([]))
        self.assertNotIn(self.others, self.env["crm.complaint"].with_user(self.officer).search([]))

    def test_managers_are_complaints_officers(self):
        self.assertTrue(self.manager.has_group("crm_feedback.group_complaint_officer"))
        self.assertIn(self.web, self.env["crm.complaint"].with_user(self.manager).search([]))

    def test_feedback_copy_follows_the_complaint(self):
        Feedback = self.env["crm.feedback"].with_user(self.seller)
        visible = Feedback.search([("channel", "=", "complaint")])
        self.assertIn(self.copy_of[self.own], visible)
        self.assertNotIn(self.copy_of[self.web], visible, "nobody's complaint")
        self.assertNotIn(self.copy_of[self.others], visible, "another team's complaint")
        with self.assertRaises(AccessError):
            self.copy_of[self.others].with_user(self.seller).read(["comment"])
        officer_sees = self.env["crm.feedback"].with_user(self.officer).search(
            [("channel", "=", "complaint")])
        self.assertIn(self.copy_of[self.web], officer_sees)
        self.assertNotIn(self.copy_of[self.others], officer_sees)
        # The seller's measures do not count what they cannot see.
        self.assertEqual(Feedback.get_metrics([])["count"], Feedback.search_count([]))
        # Other feedback of the seller's customers is still theirs.
        phone = self.env["crm.feedback"].create({"partner_id": self.customer.id,
                                                 "channel": "phone", "comment": "fine"})
        self.assertIn(phone, Feedback.search([]))

    def test_other_team_handles_its_complaint(self):
        complaint = self.others.with_user(self.other_seller)
        complaint.action_acknowledge()
        self.assertEqual(self.others.state, "acknowledged")
        self.assertIn(self.copy_of[self.others],
                      self.env["crm.feedback"].with_user(self.other_seller).search([]))
