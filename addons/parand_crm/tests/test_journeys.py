from odoo.addons.parand_base.tests.screenshots import tour_screenshots
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestSalespersonJourney(HttpCase):
    """A Persian Jalali salesperson, in Chromium, on his team's Persian pipeline."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.salesperson = new_test_user(
            cls.env, "parand_journey_sales", groups="sales_team.group_sale_salesman",
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali", name="علی فروشنده")
        cls.team = cls.env["crm.team"].create({
            "name": "فروش البرز", "user_id": cls.salesperson.id,
            "crm_team_member_ids": [(0, 0, {"user_id": cls.salesperson.id})],
        })
        cls.env["parand.pipeline.apply"]._apply_to_teams(cls.team.ids)
        cls.known = cls.env["crm.lead"].create({
            "name": "خرید قفسه‌بندی انبار", "type": "opportunity", "team_id": cls.team.id,
            "user_id": cls.salesperson.id, "l10n_ir_national_code": "0499370899",
        })

    def test_salesperson_journey(self):
        with tour_screenshots():
            self.start_tour("/odoo/crm",
                            "parand_crm_journey_salesperson", login="parand_journey_sales")
        lead = self.env["crm.lead"].search([("name", "=", "سامانهٔ مدیریت انبار پخش البرز")])
        self.assertEqual(lead.l10n_ir_national_code, "0499370899")
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(lead.stage_id.parand_template_stage_id,
                         self.env.ref("parand_crm.pipeline_stage_qualification"))
        self.assertIn(self.known, lead.duplicate_lead_ids)
        letter = lead.activity_ids.filtered(
            lambda activity: activity.activity_type_id
            == self.env.ref("parand_crm.mail_activity_type_letter"))
        self.assertEqual(letter.summary, "ارسال پیش‌فاکتور سامانهٔ انبار")
