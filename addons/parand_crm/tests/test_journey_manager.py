from odoo.addons.parand_base.tests.journey import JalaliJourneyCase
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestManagerJourneyPipeline(JalaliJourneyCase, HttpCase):
    """Journey 4 of issue 12, its pipeline part: a Persian Jalali sales manager reads the
    stage conversion of his team's Persian pipeline in Chromium."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = cls.jalali_manager("parand_journey_manager")
        team = cls.env["crm.team"].create({"name": "فروش اصفهان", "user_id": cls.manager.id})
        cls.env["parand.pipeline.apply"]._apply_to_teams(team.ids)
        stages = cls.env["parand.pipeline.application"].search(
            [("team_id", "=", team.id)]).stage_ids.filtered(lambda s: not s.is_won)\
            .sorted("sequence")
        for name, moves in (("خرید دستگاه برش", stages[1:3]), ("تمدید قرارداد", stages[1:2]),
                            ("سفارش قطعات", ())):
            lead = cls.env["crm.lead"].create({
                "name": name, "type": "opportunity", "team_id": team.id,
                "user_id": cls.manager.id, "stage_id": stages[0].id})
            for stage in moves:
                lead.stage_id = stage
                # Stage changes are tracked when the transaction commits: flushed by hand.
                cls.env.flush_all()
                cls.env.cr.precommit.run()

    def test_manager_journey_pipeline(self):
        self.start_journey("/odoo/action-parand_crm.parand_stage_conversion_report_action",
                           "parand_crm_journey_manager", login="parand_journey_manager")
