from datetime import date

from odoo.tests import tagged

from .common import CampaignsCommon


@tagged("post_install", "-at_install")
class TestCampaignSummaryReport(CampaignsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Campaign = cls.env["utm.campaign"]
        cls.campaign = Campaign.create({
            "title": "Nowruz 1405", "objective": "Fifty new distributors in Tehran",
            "start_date": date(2026, 3, 10), "end_date": date(2026, 4, 2),
            "campaign_budget_amount": 8000.0, "actual_cost": 2000.0})
        cls.child = Campaign.create({"title": "Tehran fair", "parent_id": cls.campaign.id})
        cls.free = Campaign.create({"title": "Word of mouth"})
        Lead = cls.env["crm.lead"]
        Lead.create([
            {"name": "Lead 1", "type": "lead", "campaign_id": cls.campaign.id},
            {"name": "Won 1", "type": "opportunity", "campaign_id": cls.campaign.id,
             "expected_revenue": 5000, "stage_id": cls.stage_won.id},
            {"name": "Won 2", "type": "opportunity", "campaign_id": cls.child.id,
             "expected_revenue": 3000, "stage_id": cls.stage_won.id},
            {"name": "Free win", "type": "opportunity", "campaign_id": cls.free.id,
             "expected_revenue": 700, "stage_id": cls.stage_won.id},
        ])
        Partner = cls.env["res.partner"]
        cls.campaign._add_members(Partner.create([{"name": "Ali"}, {"name": "Neda"}]))
        cls.child._add_members(Partner.create({"name": "Omid"}))
        cls.responded = cls.env["crm.campaign.member.status"].search(
            [("is_response", "=", True)], limit=1)
        cls.campaign.member_ids[0].status_id = cls.responded

    def _render(self, campaigns):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "crm_campaigns.action_report_campaign_summary", campaigns.ids)
        return html.decode()

    def test_report_shows_the_figures(self):
        html = self._render(self.campaign)
        for text in ("Nowruz 1405", "Fifty new distributors in Tehran", "Tehran fair",
                     "8,000.00", "2,000.00", "8,000.00",  # budget, cost, won revenue
                     "25.0",    # budget used
                     "300.0",   # ROI: (8000 - 2000) / 2000
                     "1,000.00",  # cost per won deal
                     "666.67",  # cost per lead: 2000 / 3
                     self.responded.name):
            self.assertIn(text, html)
        # Dates in the reader's calendar when parand_crm is installed, else the user's.
        qweb_values = {}
        self.env["ir.qweb"]._prepare_environment(qweb_values)
        if qweb_values.get("format_date_for_reader"):
            expected = qweb_values["format_date_for_reader"](self.campaign.start_date)
        else:
            expected = "03/10/2026"
        self.assertIn(str(expected), html)
        # Members by status: 3 in all (the sub-campaign's included), 1 responded.
        self.assertEqual(self.campaign.member_count, 3)
        self.assertRegex(html, r"Total</td>\s*<td[^>]*>3</td>")

    def test_persian_reader_gets_right_to_left_and_translations(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["crm_campaigns"], ["fa_IR"])
        html, _kind = self.env["ir.actions.report"].with_context(
            lang="fa_IR")._render_qweb_html(
            "crm_campaigns.action_report_campaign_summary", self.campaign.ids)
        html = html.decode()
        self.assertIn('dir="rtl"', html)
        self.assertIn("اعضا بر پایهٔ وضعیت", html)

    def test_roi_empty_without_cost_and_several_campaigns(self):
        html = self._render(self.campaign | self.free)
        self.assertIn("Word of mouth", html)
        self.assertIn("Nowruz 1405", html)
        # One ROI cell per campaign: the free one's is empty, not infinite.
        cells = html.split('o_campaign_summary_roi">')[1:]
        self.assertEqual(len(cells), 2)
        self.assertTrue(cells[0].startswith("<span>300.0</span>"))
        self.assertTrue(cells[1].startswith("</td>"), cells[1][:80])
        self.assertNotIn("inf", html.split("Word of mouth")[1].split("</table>")[0])

    def test_query_count_does_not_grow_with_campaigns(self):
        Campaign = self.env["utm.campaign"]
        partner = self.env["res.partner"].create({"name": "Kaveh"})

        def make(count):
            parents = Campaign.create([{"title": f"Wave {i}", "actual_cost": 10.0}
                                       for i in range(count)])
            Campaign.create([{"title": f"Wave {i} fair", "parent_id": parent.id}
                             for i, parent in enumerate(parents)])
            for campaign in parents:
                campaign._add_members(partner)
            return parents

        few, many = make(2), make(6)
        self._render(few)  # compiles the templates
        counts = []
        for campaigns in (few, many):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._render(campaigns)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertGreater(counts[0], 0)
        self.assertEqual(counts[0], counts[1], "queries for 2 and for 6 campaigns")
