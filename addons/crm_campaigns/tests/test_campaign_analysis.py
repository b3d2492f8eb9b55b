from odoo.tests import tagged

from .common import CampaignsCommon


@tagged("post_install", "-at_install")
class TestCampaignAnalysis(CampaignsCommon):
    def test_graph_is_cumulative_by_month(self):
        arch = self.env["crm.campaign.report"].get_view(view_type="graph")["arch"]
        self.assertIn('cumulated="1"', arch)
        self.assertIn('<field name="create_date" interval="month"/>', arch)

    def test_results_by_month(self):
        campaign = self.env["utm.campaign"].create({"title": "Autumn"})
        leads = self.env["crm.lead"].create([
            {"name": "Autumn deal", "campaign_id": campaign.id, "type": "opportunity",
             "expected_revenue": 400, "stage_id": self.stage_won.id},
            {"name": "Winter deal", "campaign_id": campaign.id, "type": "opportunity",
             "expected_revenue": 600, "stage_id": self.stage_won.id},
            {"name": "Winter lead", "campaign_id": campaign.id, "type": "lead"},
        ])
        self.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = %s",
                            ("2025-10-05 08:00:00", leads[0].id))
        self.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = ANY(%s)",
                            ("2025-12-20 08:00:00", leads[1:].ids))
        self.env.invalidate_all()
        groups = self.env["crm.campaign.report"]._read_group(
            [("campaign_id", "=", campaign.id)], ["create_date:month"],
            ["lead_count:sum", "won_count:sum", "won_revenue:sum"])
        self.assertEqual([(month.month, leads_, won, revenue)
                          for month, leads_, won, revenue in groups],
                         [(10, 1, 1, 400), (12, 2, 1, 600)])
