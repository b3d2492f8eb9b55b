# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintSecurity(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company2 = cls.env["res.company"].create({"name": "Second Co"})
        cls.seller_a = new_test_user(cls.env, "seller_a_x", groups="sales_team.group_sale_salesman")
        cls.seller_b = new_test_user(cls.env, "seller_b_x", groups="sales_team.group_sale_salesman")
        cls.all_leads = new_test_user(cls.env, "all_leads_x",
                                      groups="sales_team.group_sale_salesman_all_leads")
        cls.team_a = cls.env["crm.team"].create({"name": "Team A",
                                                 "member_ids": [(6, 0, cls.seller_a.ids)]})
        cls.team_b = cls.env["crm.team"].create({"name": "Team B",
                                                 "member_ids": [(6, 0, cls.seller_b.ids)]})
        cls.partner = cls.env["res.partner"].create({"name": "Customer", "email": "c@x.ir"})
        cls.portal_partner = cls.env["res.partner"].create({"name": "Portal One"})
        cls.portal_user = new_test_user(cls.env, "portal_one_x", groups="base.group_portal",
                                        partner_id=cls.portal_partner.id)
        cls.other_portal = new_test_user(cls.env, "portal_two_x", groups="base.group_portal")
        Complaint = cls.env["crm.complaint"]
        vals = {"subject": "S", "description": "D", "partner_id": cls.partner.id}
        cls.complaint_a = Complaint.create(dict(vals, team_id=cls.team_a.id, user_id=False))
        cls.complaint_b = Complaint.create(dict(vals, team_id=cls.team_b.id, user_id=False))
        cls.complaint_portal = Complaint.create(dict(vals, partner_id=cls.portal_partner.id,
                                                     team_id=cls.team_a.id))
        cls.complaint_company2 = Complaint.create(dict(vals, company_id=cls.company2.id,
                                                       team_id=False, user_id=False))

    def test_salesperson_sees_own_team_only(self):
        visible = self.env["crm.complaint"].with_user(self.seller_a).search([])
        self.assertIn(self.complaint_a, visible)
        self.assertNotIn(self.complaint_b, visible)
        with self.assertRaises(AccessError):
            self.complaint_b.with_user(self.seller_a).read(["subject"])
        with self.assertRaises(AccessError):
            self.complaint_b.with_user(self.seller_a).write({"subject": "hijack"})
        with self.assertRaises(AccessError):
            self.complaint_a.with_user(self.seller_a).unlink()

    def test_all_leads_and_company(self):
        visible = self.env["crm.complaint"].with_user(self.all_leads).search([])
        self.assertIn(self.complaint_a, visible)
        self.assertIn(self.complaint_b, visible)
        self.assertNotIn(self.complaint_company2, visible)
        report = self.env["crm.complaint.report"].with_user(self.seller_a).search([])
        self.assertIn(self.complaint_a, report.complaint_id)
        self.assertNotIn(self.complaint_b, report.complaint_id)

    def test_portal_user_sees_own_complaints_only(self):
        visible = self.env["crm.complaint"].with_user(self.portal_user).search([])
        self.assertEqual(visible, self.complaint_portal)
        self.assertFalse(self.env["crm.complaint"].with_user(self.other_portal).search([]))
        with self.assertRaises(AccessError):
            self.complaint_portal.with_user(self.other_portal).read(["subject"])
        with self.assertRaises(AccessError):
            self.complaint_portal.with_user(self.portal_user).write({"response": "x"})
