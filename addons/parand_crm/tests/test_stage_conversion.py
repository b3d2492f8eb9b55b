from odoo.tests import tagged

from .common import ParandCrmCommon


@tagged("post_install", "-at_install")
class TestStageConversion(ParandCrmCommon):

    def _lead(self, name, *moves):
        lead = self.env["crm.lead"].create({
            "name": name, "type": "opportunity", "team_id": self.team.id,
            "stage_id": self.open_stages[0].id})
        for stage in moves:
            lead.stage_id = stage
            # Stage changes are tracked when the transaction commits; tests flush by hand.
            self.env.flush_all()
            self.env.cr.precommit.run()
        return lead

    def _rates(self):
        Report = self.env["parand.stage.conversion.report"]
        self.env.flush_all()
        groups = Report._read_group([("team_id", "=", self.team.id)], ["stage_id"],
                                    ["reached_count:sum", "advanced_count:sum", "conversion:avg"])
        return {stage: (reached, advanced, round(rate, 2))
                for stage, reached, advanced, rate in groups}

    def test_conversion_between_consecutive_stages(self):
        s0, s1, s2, s3 = self.open_stages[:4]
        self._lead("Went to qualification, then back", s2, s1)
        self._lead("Stayed new")
        self._lead("Won", self.stage_won)
        self._lead("Lost at first contact", s1).action_set_lost()

        rates = self._rates()
        self.assertEqual(rates[s0], (4, 3, 75.0))
        self.assertEqual(rates[s1], (3, 2, 66.67), "a skipped stage counts as passed")
        self.assertEqual(rates[s2], (2, 1, 50.0), "the furthest stage comes from the history")
        self.assertEqual(rates[s3], (1, 1, 100.0))
        self.assertNotIn(self.stage_won, rates, "won is the end of the pipeline, not a step")

    def test_salesperson_sees_own_leads_only(self):
        salesman = self.user_salesman
        mine = self._lead("Mine")
        mine.user_id = salesman
        other = self._lead("Someone else's")
        other.user_id = self.env.user
        self.env.flush_all()
        rows = self.env["parand.stage.conversion.report"].with_user(salesman).search(
            [("lead_id", "in", (mine | other).ids)])
        self.assertEqual(rows.lead_id, mine)
