# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from lxml import etree

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestFeedbackAnalysis(TransactionCase):
    """The satisfaction analysis (graph, pivot) groups feedback by month, team and campaign."""

    def test_analysis_offers_month_team_and_campaign(self):
        action = self.env.ref("crm_feedback.crm_feedback_action_analysis")
        self.assertEqual(action.view_mode.split(",")[0], "graph")
        views = self.env["crm.feedback"].get_views([(False, "graph"), (False, "search")])
        search = etree.fromstring(views["views"]["search"]["arch"])
        group_bys = {node.get("context") for node in search.iter("filter")}
        for group_by in ("date:month", "team_id", "campaign_id"):
            self.assertIn(f"{{'group_by': '{group_by}'}}", group_bys)
        graph = etree.fromstring(views["views"]["graph"]["arch"])
        self.assertEqual(graph.find("field").get("interval"), "month")

    def test_scores_grouped_by_month_team_and_campaign(self):
        partner = self.env["res.partner"].create({"name": "Kaveh Tehrani"})
        teams = self.env["crm.team"].create([{"name": "Tehran"}, {"name": "Shiraz"}])
        campaign = self.env["utm.campaign"].create({"name": "Nowruz"})
        self.env["crm.feedback"].create([
            {"partner_id": partner.id, "score_type": "csat", "value": 5, "team_id": teams[0].id,
             "campaign_id": campaign.id, "date": datetime(2026, 3, 10)},
            {"partner_id": partner.id, "score_type": "csat", "value": 1, "team_id": teams[0].id,
             "date": datetime(2026, 3, 20)},
            {"partner_id": partner.id, "score_type": "csat", "value": 3, "team_id": teams[1].id,
             "campaign_id": campaign.id, "date": datetime(2026, 4, 5)},
        ])
        domain = [("partner_id", "=", partner.id)]
        by_month = self.env["crm.feedback"]._read_group(domain, ["date:month"], ["score:avg"])
        self.assertEqual([(month.month, score) for month, score in by_month],
                         [(3, 50.0), (4, 50.0)])
        by_team = dict(self.env["crm.feedback"]._read_group(domain, ["team_id"], ["score:avg"]))
        self.assertEqual((by_team[teams[0]], by_team[teams[1]]), (50.0, 50.0))
        by_campaign = dict(self.env["crm.feedback"]._read_group(domain, ["campaign_id"],
                                                                 ["__count"]))
        self.assertEqual(by_campaign[campaign], 2)
