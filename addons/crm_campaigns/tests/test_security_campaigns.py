"""Attacks on the campaigns' public methods and crons (issue #13: M4, M5, L6)."""

import xmlrpc.client

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import CampaignsCommon


@tagged("post_install", "-at_install")
class TestCampaignSecurity(CampaignsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B (campaigns)"})
        common = {"company_id": cls.company_a.id, "company_ids": [cls.company_a.id]}
        cls.manager = new_test_user(cls.env, "camp_manager_a", **common,
                                    groups="sales_team.group_sale_manager")
        cls.salesman = new_test_user(cls.env, "camp_salesman_a", **common,
                                     groups="sales_team.group_sale_salesman_all_leads")
        cls.portal = new_test_user(cls.env, "camp_portal", groups="base.group_portal")
        cls.manager_b = new_test_user(cls.env, "camp_manager_b",
                                      company_id=cls.company_b.id,
                                      company_ids=[cls.company_b.id],
                                      groups="sales_team.group_sale_manager")
        cls.campaign = cls.env["utm.campaign"].create(
            {"title": "Nowruz A", "company_id": cls.company_a.id,
             "user_id": cls.salesman.id})
        cls.campaign_b = cls.env["utm.campaign"].create(
            {"title": "Nowruz B", "company_id": cls.company_b.id})
        cls.target = cls.env["res.partner"].create({"name": "Target of list"})
        cls.mlist = cls.env["crm.marketing.list"].create(
            {"name": "Static A", "company_id": cls.company_a.id,
             "partner_ids": [(4, cls.target.id)]})
        cls.campaign.marketing_list_ids = cls.mlist

    def assertRpcValue(self, value):
        """What XML-RPC can carry (no None anywhere)."""
        xmlrpc.client.dumps((value,), allow_none=False)

    # ------------------------------------------------------------------ M4: touches
    def test_touch_refresh_refused_to_portal_and_salespeople(self):
        Touch = self.env["crm.campaign.touch"]
        for user in (self.portal, self.salesman):
            with self.assertRaises(AccessError, msg=user.login):
                Touch.with_user(user).action_refresh()

    def test_touch_refresh_by_a_manager_runs_in_the_background(self):
        cron = self.env.ref("crm_campaigns.ir_cron_refresh_touches")
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        action = self.env["crm.campaign.touch"].with_user(self.manager).action_refresh()
        self.assertRpcValue(action)
        # Not rebuilt in the manager's request: the cron does it, batch by batch.
        self.assertEqual(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]),
            triggers + 1)

    # ------------------------------------------------------------ M4: target lists
    def test_add_lists_refused_without_create_right_on_members(self):
        # The salesperson runs the campaign (may write it) but may not create members.
        with self.assertRaises(AccessError):
            self.campaign.with_user(self.salesman).action_add_marketing_lists()
        self.assertFalse(self.campaign.member_ids)

    def test_add_lists_by_a_manager(self):
        result = self.campaign.with_user(self.manager).action_add_marketing_lists()
        self.assertRpcValue(result)
        self.assertEqual(self.campaign.member_ids.partner_id, self.target)

    def test_add_lists_refused_on_another_companys_campaign(self):
        self.campaign_b.sudo().marketing_list_ids = self.mlist
        with self.assertRaises(AccessError):
            self.campaign_b.with_user(self.manager).action_add_marketing_lists()
        self.assertFalse(self.campaign_b.member_ids)

    # ------------------------------------------------------------ M5: dynamic lists
    def test_nightly_refresh_keeps_to_the_lists_company(self):
        Partner = self.env["res.partner"]
        mine = Partner.create({"name": "M5 target A", "company_id": self.company_a.id})
        Partner.create({"name": "M5 target B", "company_id": self.company_b.id})
        shared = Partner.create({"name": "M5 target shared"})
        dynamic = self.env["crm.marketing.list"].with_user(self.manager).create({
            "name": "Dynamic A", "list_type": "dynamic", "company_id": self.company_a.id,
            "use_companies": False, "person_domain": "[('name', 'ilike', 'M5 target')]"})
        # The cron runs as the superuser: the list's creator and company must rule.
        self.env["crm.marketing.list"]._cron_refresh_dynamic_lists()
        self.assertEqual(dynamic.partner_ids, mine | shared)
        self.assertEqual(dynamic.write_uid, self.manager)

    # --------------------------------------------------------------- L6: results
    def test_results_of_a_campaign_without_company_stay_in_the_readers_companies(self):
        campaign = self.env["utm.campaign"].create({"title": "All companies",
                                                    "company_id": False})
        Lead = self.env["crm.lead"]
        Lead.create({"name": "Won in A", "type": "opportunity", "campaign_id": campaign.id,
                     "company_id": self.company_a.id, "expected_revenue": 100,
                     "stage_id": self.stage_won.id})
        Lead.create({"name": "Won in B", "type": "opportunity", "campaign_id": campaign.id,
                     "company_id": self.company_b.id, "expected_revenue": 1000,
                     "stage_id": self.stage_won.id})
        as_a = campaign.with_user(self.salesman)
        self.assertEqual((as_a.lead_count, as_a.won_count, as_a.won_revenue), (1, 1, 100))
        as_b = campaign.with_user(self.manager_b)
        self.assertEqual((as_b.lead_count, as_b.won_revenue), (1, 1000))
