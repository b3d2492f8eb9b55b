from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import CampaignsCommon


@tagged("post_install", "-at_install")
class TestCampaignResults(CampaignsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Campaign = cls.env["utm.campaign"]
        cls.parent = Campaign.create({"title": "Nowruz", "actual_cost": 1000.0,
                                      "campaign_budget_amount": 4000.0})
        cls.child = Campaign.create({"title": "Nowruz: Tehran fair", "parent_id": cls.parent.id,
                                     "actual_cost": 1000.0})
        Lead = cls.env["crm.lead"]
        common = {"campaign_id": cls.parent.id}
        Lead.create([
            {**common, "name": "Lead only", "type": "lead"},
            {**common, "name": "Lead only 2", "type": "lead"},
            {**common, "name": "Open deal", "type": "opportunity", "expected_revenue": 800,
             "probability": 25, "stage_id": cls.stage_proposal.id},
            {**common, "name": "Won deal", "type": "opportunity", "expected_revenue": 3000,
             "stage_id": cls.stage_won.id},
            {"campaign_id": cls.child.id, "name": "Won at the fair", "type": "opportunity",
             "expected_revenue": 2000, "stage_id": cls.stage_won.id},
        ])
        lost = Lead.create({**common, "name": "Lost deal", "type": "opportunity",
                            "expected_revenue": 999})
        lost.action_set_lost()
        cls.Partner = cls.env["res.partner"]

    def test_results_on_known_data_include_sub_campaigns(self):
        parent = self.parent
        self.assertEqual((parent.lead_count, parent.opportunity_count, parent.won_count,
                          parent.lost_count), (6, 4, 2, 1))
        self.assertEqual(parent.won_revenue, 5000)
        self.assertEqual(parent.pipeline_revenue, 800)
        self.assertEqual(parent.weighted_revenue, 200)
        self.assertAlmostEqual(parent.conversion_rate, 100 * 4 / 6)
        self.assertAlmostEqual(parent.win_rate, 100 * 2 / 3)
        # Cost: the campaign's own and its sub-campaign's.
        self.assertAlmostEqual(parent.roi, 100 * (5000 - 2000) / 2000)
        self.assertEqual(parent.cost_per_lead, 333.33, "rounded to the currency")
        self.assertAlmostEqual(parent.cost_per_won, 1000)
        self.assertAlmostEqual(parent.budget_used, 50)
        self.assertEqual((self.child.lead_count, self.child.won_revenue), (1, 2000))
        self.assertAlmostEqual(self.child.roi, 100)

    def test_won_revenue_converted_at_the_won_date(self):
        eur = self.env.ref("base.EUR")
        eur.active = True
        usd = self.env.company.currency_id
        self.assertNotEqual(usd, eur)
        # 1 unit of the company's currency = 0.5 EUR: one euro is worth two.
        self.env["res.currency.rate"].create({"currency_id": eur.id, "name": "2024-01-01",
                                              "rate": 0.5, "company_id": False})
        self.env["res.currency.rate"].create({"currency_id": usd.id, "name": "2024-01-01",
                                              "rate": 1.0, "company_id": False})
        euro_company = self.env["res.company"].create({"name": "Euro Co",
                                                       "currency_id": eur.id})
        campaign = self.env["utm.campaign"].create({"title": "Europe"})
        lead = self.env["crm.lead"].create({
            "name": "Euro deal", "type": "opportunity", "company_id": euro_company.id,
            "campaign_id": campaign.id, "expected_revenue": 100, "stage_id": self.stage_won.id})
        lead.date_closed = "2024-06-01 10:00:00"
        self.env.flush_all()
        self.assertEqual(campaign.won_revenue, 200)

    def test_archived_is_not_lost_and_a_deal_without_stage_is_open(self):
        campaign = self.env["utm.campaign"].create({"title": "Yalda"})
        Lead = self.env["crm.lead"]
        archived, _open, lost = Lead.create([
            {"name": "Archived deal", "type": "opportunity", "campaign_id": campaign.id,
             "expected_revenue": 500, "probability": 40, "stage_id": self.stage_proposal.id},
            {"name": "Deal without stage", "type": "opportunity", "campaign_id": campaign.id,
             "expected_revenue": 300, "probability": 50},
            {"name": "Lost lead", "type": "lead", "campaign_id": campaign.id},
        ])
        _open.stage_id = False
        # Archived by a write (an import, the API), not from the lost menu: Odoo's "Lost"
        # filter (archived, probability 0) leaves it out.
        archived.active = False
        lost.action_set_lost()
        self.env.flush_all()
        self.assertEqual(archived.probability, 40)
        self.assertEqual((campaign.lead_count, campaign.opportunity_count, campaign.won_count,
                          campaign.lost_count), (3, 2, 0, 1))
        self.assertEqual(campaign.pipeline_revenue, 300)
        self.assertEqual(campaign.weighted_revenue, 150)

    def test_no_cost_means_no_roi(self):
        campaign = self.env["utm.campaign"].create({"title": "Free referrals"})
        self.env["crm.lead"].create({"name": "Referral", "campaign_id": campaign.id,
                                     "type": "opportunity", "stage_id": self.stage_won.id,
                                     "expected_revenue": 100})
        self.assertEqual(campaign.won_revenue, 100)
        self.assertFalse(campaign.roi)
        self.assertFalse(campaign.has_cost, "the views leave the ROI empty")
        self.assertTrue(self.parent.has_cost)

    def test_results_of_many_campaigns_in_a_fixed_number_of_queries(self):
        campaigns = self.env["utm.campaign"].create(
            [{"title": f"Campaign {i}", "actual_cost": 10} for i in range(20)])
        self.env["crm.lead"].create([{"name": f"L{i}", "campaign_id": campaign.id}
                                     for i, campaign in enumerate(campaigns)])
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            campaigns.mapped("roi")
        more = campaigns | self.env["utm.campaign"].create(
            [{"title": f"More {i}", "actual_cost": 10} for i in range(20)])
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(10):
            more.mapped("roi")

    def test_bad_input_is_refused_with_the_field_named(self):
        with self.assertRaisesRegex(ValidationError, "Actual Cost of campaign .* negative"):
            self.env["utm.campaign"].create({"title": "Bad", "actual_cost": -1})
        with self.assertRaisesRegex(ValidationError, "Budget of campaign .* negative"):
            self.parent.campaign_budget_amount = -5
        with mute_logger("odoo.sql_db"), self.assertRaisesRegex(
                IntegrityError, "end_date_after_start_date"), self.env.cr.savepoint():
            self.env["utm.campaign"].create({"title": "Backwards", "start_date": "2025-03-21",
                                             "end_date": "2025-03-20"})
        with self.assertRaisesRegex(ValidationError, "Members: a campaign member is a company"):
            self.parent._add_members(self.env["res.users"].browse(self.env.uid))
        with self.assertRaisesRegex(ValidationError, "Parent Campaign"):
            self.parent.parent_id = self.child

    def test_members_added_in_bulk_once(self):
        partners = self.Partner.create([{"name": f"Customer {i}"} for i in range(5)])
        self.assertEqual(self.parent._add_members(partners), 5)
        self.assertEqual(self.parent._add_members(partners[:3] | self.Partner.create(
            {"name": "Newcomer", "is_company": True})), 1, "members are not added twice")
        members = self.parent.member_ids
        self.assertEqual(len(members), 6)
        self.assertEqual(set(members.mapped("target_type")), {"person", "company"})
        self.assertEqual(self.parent.member_count, 6)

    def test_members_added_in_bulk_as_the_orm_creates_them(self):
        partner, company = self.Partner.create([{"name": "Person", "user_id": self.env.uid},
                                                {"name": "Firm", "is_company": True}])
        lead = self.env["crm.lead"].create({"name": "Lead member", "user_id": self.env.uid})
        self.assertEqual(self.parent._add_members(partner | company), 2)
        self.assertEqual(self.parent._add_members(lead), 1, "a lead beside the contacts")
        by_orm = self.env["crm.campaign.member"].create({"campaign_id": self.child.id,
                                                         "partner_id": partner.id})
        compared = ["company_id", "target_type", "user_id", "status_id", "is_response",
                    "first_response_date", "create_uid", "create_date", "write_uid",
                    "write_date"]
        bulk = self.parent.member_ids.filtered(lambda member: member.partner_id == partner)
        self.assertEqual(bulk.read(compared)[0] | {"id": 0},
                         by_orm.read(compared)[0] | {"id": 0})
        self.assertEqual(
            {member.display_target: member.target_type for member in self.parent.member_ids},
            {"Person": "person", "Firm": "company", "Lead member": "lead"})

    def test_response_rate_and_first_response_date(self):
        partners = self.Partner.create([{"name": f"Member {i}"} for i in range(4)])
        self.parent._add_members(partners)
        responded = self.env.ref("crm_campaigns.member_status_responded")
        member = self.parent.member_ids[0]
        self.assertFalse(member.first_response_date)
        member.status_id = responded
        first = member.first_response_date
        self.assertTrue(first)
        member.status_id = self.env.ref("crm_campaigns.member_status_converted")
        self.assertEqual(member.first_response_date, first, "the first response is kept")
        self.parent.invalidate_recordset()
        self.assertAlmostEqual(self.parent.response_rate, 25)

    def test_a_member_is_a_contact_or_a_lead(self):
        with self.assertRaisesRegex(ValidationError, "Member: choose a contact or a lead"):
            self.env["crm.campaign.member"].create({"campaign_id": self.parent.id})
        with self.assertRaisesRegex(ValidationError, "Member: choose a contact or a lead"):
            self.env["crm.campaign.member"].create({
                "campaign_id": self.parent.id, "partner_id": self.Partner.create(
                    {"name": "Both"}).id, "lead_id": self.env["crm.lead"].search([], limit=1).id})

    @mute_logger("odoo.sql_db")
    def test_the_same_contact_is_a_member_once(self):
        partner = self.Partner.create({"name": "Once"})
        self.env["crm.campaign.member"].create({"campaign_id": self.parent.id,
                                                "partner_id": partner.id})
        with self.assertRaises(IntegrityError):
            self.env["crm.campaign.member"].create({"campaign_id": self.parent.id,
                                                    "partner_id": partner.id})

    def test_salesperson_sees_members_of_own_campaigns_and_customers(self):
        salesman = new_test_user(self.env, "campaign_salesman",
                                 groups="sales_team.group_sale_salesman")
        own = self.Partner.create({"name": "Mine", "user_id": salesman.id})
        other = self.Partner.create({"name": "Not mine"})
        self.parent._add_members(own | other)
        visible = self.env["crm.campaign.member"].with_user(salesman).search(
            [("campaign_id", "=", self.parent.id)])
        self.assertEqual(visible.partner_id, own)
        self.child.user_id = salesman
        self.child._add_members(other)
        visible = self.env["crm.campaign.member"].with_user(salesman).search(
            [("campaign_id", "=", self.child.id)])
        self.assertEqual(visible.partner_id, other)
