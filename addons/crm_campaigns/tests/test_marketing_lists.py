from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestMarketingLists(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.company = Partner.create({"name": "Kavir Trading", "is_company": True,
                                      "email": "info@kavir.example"})
        cls.person = Partner.create({"name": "Reza Karimi", "parent_id": cls.company.id,
                                     "email": "reza@kavir.example"})
        cls.blacklisted = Partner.create({"name": "No Mail", "email": "nomail@example.com"})
        cls.env["mail.blacklist"].create({"email": "nomail@example.com"})
        cls.suppressed = Partner.create({"name": "Do Not Call", "email": "dnc@example.com"})
        Lead = cls.env["crm.lead"]
        cls.lead_of_person = Lead.create({"name": "Reza's request", "partner_id": cls.person.id})
        cls.lead_alone = Lead.create({"name": "Walk-in", "email_from": "walkin@example.com"})
        cls.lead_of_suppressed = Lead.create({"name": "DNC lead",
                                              "partner_id": cls.suppressed.id})
        cls.mlist = cls.env["crm.marketing.list"].create({
            "name": "Yazd customers",
            "partner_ids": [(6, 0, (cls.company | cls.person | cls.blacklisted
                                    | cls.suppressed).ids)],
            "lead_ids": [(6, 0, (cls.lead_of_person | cls.lead_alone
                                 | cls.lead_of_suppressed).ids)],
            "suppressed_partner_ids": [(6, 0, cls.suppressed.ids)],
        })

    def test_entries_are_suppressed_and_deduplicated(self):
        partners, leads = self.mlist._get_entries()
        self.assertEqual(partners, self.company | self.person)
        self.assertEqual(leads, self.lead_alone, "a person and the lead made from them count once")
        self.assertEqual((self.mlist.company_count, self.mlist.person_count,
                          self.mlist.entry_lead_count, self.mlist.suppressed_count), (1, 1, 1, 4))

    def test_adding_lists_to_a_campaign_makes_members_once(self):
        other = self.env["crm.marketing.list"].create({
            "name": "Overlapping", "partner_ids": [(6, 0, self.person.ids)]})
        campaign = self.env["utm.campaign"].create({
            "title": "Yazd autumn", "marketing_list_ids": [(6, 0, (self.mlist | other).ids)]})
        campaign.action_add_marketing_lists()
        campaign.action_add_marketing_lists()
        members = campaign.member_ids
        self.assertEqual(len(members), 3)
        self.assertEqual(members.partner_id, self.company | self.person)
        self.assertEqual(members.lead_id, self.lead_alone)

    def test_dynamic_list_refreshes_from_its_domains(self):
        dynamic = self.env["crm.marketing.list"].create({
            "name": "Kavir people", "list_type": "dynamic", "use_leads": False,
            "company_domain": "[('name', 'ilike', 'Kavir')]",
            "person_domain": "[('email', 'ilike', '@kavir.example')]"})
        dynamic.action_refresh()
        self.assertEqual(dynamic.partner_ids, self.company | self.person)
        self.assertTrue(dynamic.last_refresh)
        newcomer = self.env["res.partner"].create({"name": "Sara", "email": "sara@kavir.example"})
        self.env["crm.marketing.list"]._cron_refresh_dynamic_lists()
        self.assertIn(newcomer, dynamic.partner_ids)

    def test_bad_domain_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "Lead Domain of list .* not a valid filter"):
            self.env["crm.marketing.list"].create({
                "name": "Broken", "list_type": "dynamic", "lead_domain": "[('no_such', '=', 1)]"})
