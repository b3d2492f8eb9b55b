from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestCrmPersianTerms(TransactionCase):
    def test_crm_terms_odoo_leaves_untranslated_read_in_persian(self):
        if not self.env["res.lang"]._lang_get("fa_IR"):
            self.skipTest("Persian is not loaded in this database")
        lost_form = self.env.ref("crm.crm_lead_lost_view_form").with_context(lang="fa_IR")
        self.assertIn("علامت‌گذاری به‌عنوان ازدست‌رفته", lost_form.arch_db)
        closing = self.env.ref("crm.crm_lead_lost_view_form").with_context(lang="en_US")
        self.assertIn("Mark as Lost", closing.arch_db, "the English source stays as it was")
