from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLeadSources(TransactionCase):
    def test_sources_grouped_internal_external(self):
        internal = ["contact_records", "postal_mail_response", "email_response",
                    "website_visit", "referral", "inquiry_call", "walk_in_visit"]
        external = ["industry_reports", "credit_information", "government_statistics"]
        for name in internal:
            self.assertEqual(self.env.ref(f"parand_crm.utm_source_{name}").source_group,
                             "internal")
        for name in external:
            self.assertEqual(self.env.ref(f"parand_crm.utm_source_{name}").source_group,
                             "external")
        for name in ("postal_mail", "walk_in", "publication"):
            self.assertTrue(self.env.ref(f"parand_crm.utm_medium_{name}"))

    def test_lead_analysis_groups_by_source_group(self):
        Lead = self.env["crm.lead"]
        referral = self.env.ref("parand_crm.utm_source_referral")
        walk_in = self.env.ref("parand_crm.utm_source_walk_in_visit")
        credit = self.env.ref("parand_crm.utm_source_credit_information")
        leads = Lead.create([
            {"name": "A", "source_id": referral.id},
            {"name": "B", "source_id": walk_in.id,
             "medium_id": self.env.ref("parand_crm.utm_medium_walk_in").id},
            {"name": "C", "source_id": credit.id},
            {"name": "D"},
        ])
        groups = dict(Lead._read_group([("id", "in", leads.ids)], ["source_group"],
                                       ["__count"]))
        self.assertEqual(groups, {"internal": 2, "external": 1, False: 1})
        self.assertEqual(Lead.search([("id", "in", leads.ids),
                                      ("source_group", "=", "external")]), leads[2])
        # The group follows the source (stored related).
        credit.source_group = "internal"
        self.assertEqual(leads[2].source_group, "internal")

    def test_search_views_offer_the_group_by(self):
        for xmlid in ("crm.view_crm_case_leads_filter", "crm.view_crm_case_opportunities_filter",
                      "crm.crm_opportunity_report_view_search"):
            arch = self.env["crm.lead"].get_view(self.env.ref(xmlid).id, "search")["arch"]
            self.assertIn("'group_by': 'source_group'", arch)
            self.assertIn('name="source_group"', arch)

    def test_source_names_shown_translated(self):
        source = self.env.ref("parand_crm.utm_source_referral")
        self.assertEqual(source.display_name, "Referral")
        self.assertEqual(source.name, "Referral")  # what utm_source URL parameters carry
        lang = self.env["res.lang"]._activate_lang("fa_IR")
        self.assertTrue(lang)
        self.env["ir.module.module"]._load_module_terms(["parand_crm"], ["fa_IR"])
        fa_source = source.with_context(lang="fa_IR")
        self.assertEqual(fa_source.display_name, "ارجاع")
        # The Persian name finds the source in many2one fields and searches.
        Source = self.env["utm.source"].with_context(lang="fa_IR")
        self.assertIn(source.id, [sid for sid, _name in Source.name_search("ارجا")])
        self.assertEqual(Source.search([("display_name", "=", "ارجاع")]), source)
        self.assertEqual(self.env["utm.medium"].with_context(lang="fa_IR").browse(
            self.env.ref("parand_crm.utm_medium_walk_in").id).display_name, "مراجعهٔ حضوری")
