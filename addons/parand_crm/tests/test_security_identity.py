"""The same-identity duplicates do not reveal another company's records (issue #13: L7)."""

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestIdentityDuplicatesSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B (identity)"})
        cls.user_a = new_test_user(cls.env, "identity_user_a", company_id=cls.company_a.id,
                                   company_ids=[cls.company_a.id],
                                   groups="sales_team.group_sale_salesman_all_leads")
        cls.code = "0499370899"

    def test_lead_of_another_company_is_not_a_visible_duplicate(self):
        Lead = self.env["crm.lead"]
        theirs = Lead.create({"name": "B's customer", "company_id": self.company_b.id,
                              "l10n_ir_national_code": self.code})
        twin_in_a = Lead.create({"name": "A's twin", "company_id": self.company_a.id,
                                 "l10n_ir_national_code": self.code})
        mine = Lead.with_user(self.user_a).create({
            "name": "A's customer", "company_id": self.company_a.id,
            "l10n_ir_national_code": self.code})
        mine.invalidate_recordset()
        self.assertNotIn(theirs, mine.duplicate_lead_ids)
        self.assertIn(twin_in_a, mine.duplicate_lead_ids)
        self.assertEqual(mine.duplicate_lead_count, 1)
        # Odoo's own duplicate lookup (merge wizard) keeps to the user's records too.
        self.assertNotIn(theirs, mine._get_lead_duplicates(include_lost=True))

    def test_contact_of_another_company_is_not_counted(self):
        Partner = self.env["res.partner"]
        Partner.create({"name": "B's person", "company_id": self.company_b.id,
                        "l10n_ir_national_code": self.code})
        mine = Partner.with_user(self.user_a).create({
            "name": "A's person", "company_id": self.company_a.id,
            "l10n_ir_national_code": self.code})
        mine.invalidate_recordset()
        self.assertEqual(mine.l10n_ir_duplicate_count, 0)
        action = mine.action_view_l10n_ir_duplicates()
        self.assertFalse(Partner.with_user(self.user_a).search(action["domain"]))
