# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFeedbackSecurity(TransactionCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        salesman = cls.env.ref("sales_team.group_sale_salesman")
        cls.reza, cls.mina = cls.env["res.users"].create([
            {"name": "Reza", "login": "fb_sec_reza", "groups_id": [(6, 0, [salesman.id])]},
            {"name": "Mina", "login": "fb_sec_mina", "groups_id": [(6, 0, [salesman.id])]},
        ])
        cls.manager = cls.env["res.users"].create({
            "name": "Manager", "login": "fb_sec_manager",
            "groups_id": [(6, 0, [cls.env.ref("sales_team.group_sale_manager").id])]})
        cls.reza_customer, cls.mina_customer = cls.env["res.partner"].create([
            {"name": "Reza's customer", "user_id": cls.reza.id},
            {"name": "Mina's customer", "user_id": cls.mina.id},
        ])
        Feedback = cls.env["crm.feedback"].with_context(feedback_no_followup=True)
        cls.reza_feedback = Feedback.create({"partner_id": cls.reza_customer.id,
                                             "channel": "phone", "comment": "ok"})
        cls.mina_feedback = Feedback.create({"partner_id": cls.mina_customer.id,
                                             "channel": "phone", "comment": "ok"})
        cls.other_company = cls.env["res.company"].create({"name": "Other Co"})
        cls.foreign_feedback = Feedback.create({
            "partner_id": cls.reza_customer.id, "channel": "phone",
            "company_id": cls.other_company.id})

    def test_salespeople_see_their_own_customers_feedback(self):
        mine = self.env["crm.feedback"].with_user(self.reza).search([])
        self.assertIn(self.reza_feedback, mine)
        self.assertNotIn(self.mina_feedback, mine)
        with self.assertRaises(AccessError):
            self.mina_feedback.with_user(self.reza).read(["comment"])
        metrics = self.env["crm.feedback"].with_user(self.reza).get_metrics([])
        self.assertEqual(metrics["count"], len(mine))

    def test_managers_see_all_of_their_companies(self):
        seen = self.env["crm.feedback"].with_user(self.manager).search([])
        self.assertIn(self.reza_feedback, seen)
        self.assertIn(self.mina_feedback, seen)
        self.assertNotIn(self.foreign_feedback, seen, "multi-company rule")
        self.assertNotIn(self.foreign_feedback,
                         self.env["crm.feedback"].with_user(self.reza).search([]))

    def test_salesperson_cannot_delete_feedback(self):
        with self.assertRaises(AccessError):
            self.reza_feedback.with_user(self.reza).unlink()
