# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Internal fields read over RPC (M3): a portal customer on their own complaint, any user on
the partners' satisfaction and value figures."""
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

# What the customer must not read on their own complaint.
COMPLAINT_INTERNAL = ["resolution", "escalation_note", "severity", "hours_to_acknowledge",
                      "hours_to_respond", "lead_id", "user_id", "team_id", "root_cause_id",
                      "acknowledged_on_time", "responded_on_time", "satisfaction_input_id",
                      "campaign_id", "feedback_ids", "acknowledge_overdue_escalated",
                      "response_overdue_escalated"]
# The account figures only the sales team reads.
PARTNER_KPIS = ["satisfaction_score", "churn_risk", "churn_reason", "lifetime_value",
                "pareto_class", "rfm_segment", "satisfaction_trend", "rfm_code"]


@tagged("post_install", "-at_install")
class TestSecurityFields(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = new_test_user(cls.env, "sec_fields_owner", password="sec_fields_owner",
                                  groups="base.group_portal")
        cls.employee = new_test_user(cls.env, "sec_fields_employee", groups="base.group_user")
        cls.seller = new_test_user(cls.env, "sec_fields_seller",
                                   groups="sales_team.group_sale_salesman")
        cls.handler = new_test_user(cls.env, "sec_fields_handler", name="Handler Hosseini",
                                    groups="sales_team.group_sale_salesman")
        cls.lead = cls.env["crm.lead"].create({"name": "Secret deal with Zagros",
                                               "partner_id": cls.owner.partner_id.id})
        cls.complaint = cls.env["crm.complaint"].create({
            "partner_id": cls.owner.partner_id.id, "subject": "Late delivery",
            "description": "Three weeks late", "user_id": cls.handler.id,
            "lead_id": cls.lead.id, "severity": "high",
            "category_id": cls.env.ref("crm_feedback.complaint_category_product").id})
        cls.complaint.action_acknowledge()
        cls.complaint.action_assess()
        cls.complaint.action_investigate()
        cls.complaint.write({"response": "A new one is on its way",
                             "resolution": "Blame the courier, no refund",
                             "escalation_note": "Customer is litigious"})
        cls.complaint.action_respond()
        cls.account = cls.env["res.partner"].create({"name": "Figures Co", "is_company": True})
        cls.account.write({"satisfaction_score": 12.0, "churn_risk": "high",
                           "churn_reason": "dissatisfied", "lifetime_value": 9e6,
                           "pareto_class": "A", "rfm_segment": "at_risk"})

    def test_portal_owner_cannot_read_complaint_internals(self):
        complaint = self.complaint.with_user(self.owner)
        # What the customer reads.
        values = complaint.read(["name", "subject", "state", "response"])[0]
        self.assertEqual(values["response"], "A new one is on its way")
        for fname in COMPLAINT_INTERNAL:
            with self.subTest(field=fname), self.assertRaises(AccessError):
                complaint.read([fname])
        with self.assertRaises(AccessError):
            complaint.search([("resolution", "ilike", "courier")])

    def test_portal_page_shows_what_the_customer_reads(self):
        self.authenticate("sec_fields_owner", "sec_fields_owner")
        page = self.url_open(f"/my/complaints/{self.complaint.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("A new one is on its way", page.text)
        self.assertIn("Three weeks late", page.text)
        self.assertNotIn("courier", page.text)
        self.assertNotIn("litigious", page.text)
        self.assertNotIn("Secret deal", page.text)
        listing = self.url_open("/my/complaints")
        self.assertIn(self.complaint.name, listing.text)

    def test_partner_figures_are_for_the_sales_team(self):
        for user in (self.owner, self.employee):
            account = self.account.with_user(user)
            for fname in PARTNER_KPIS:
                with self.subTest(user=user.login, field=fname), self.assertRaises(AccessError):
                    account.read([fname])
            with self.subTest(user=user.login, search=True), self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).search([("churn_risk", "=", "high")])
        # The portal customer reading their own contact.
        with self.assertRaises(AccessError):
            self.owner.partner_id.with_user(self.owner).read(["satisfaction_score"])
        values = self.account.with_user(self.seller).read(PARTNER_KPIS)[0]
        self.assertEqual((values["satisfaction_score"], values["churn_risk"]), (12.0, "high"))

    def test_contact_form_opens_for_an_employee_without_sales_rights(self):
        """The fields are left out of the views of users outside the sales team."""
        views = self.env["res.partner"].with_user(self.employee).get_views(
            [(False, "form"), (False, "kanban"), (False, "search")])
        for view in views["views"].values():
            self.assertNotIn("churn_risk", view["arch"])
        self.account.with_user(self.employee).web_read({"display_name": {}, "email": {}})
