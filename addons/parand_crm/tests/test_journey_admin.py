from odoo.addons.parand_base.tests.browser import emulated_browser
from odoo.addons.parand_base.tests.screenshots import tour_screenshots
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAdminJourney(HttpCase):
    """Journey 5 of issue 12: a Persian administrator sets up a database that already holds
    leads, in Chromium (installing the addons from Apps is tests/test_addons_lifecycle.py)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["crm", "parand_crm"], ["fa_IR"],
                                                       overwrite=True)
        cls.admin = new_test_user(
            cls.env, "parand_journey_admin", name="مدیر سامانه",
            groups="base.group_system,sales_team.group_sale_manager",
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali")
        cls.salesperson = new_test_user(
            cls.env, "parand_journey_sara", name="سارا محمدی",
            groups="sales_team.group_sale_salesman", lang="fa_IR", tz="Asia/Tehran",
            date_calendar="gregorian")
        # A database that holds data: the team's leads sit in Odoo's own stages.
        cls.team = cls.env["crm.team"].create({"name": "فروش کرج"})
        cls.odoo_stages = cls.env["crm.stage"].search([("team_id", "=", False)],
                                                      order="sequence", limit=2)
        cls.leads = cls.env["crm.lead"].create([{
            "name": name, "type": "opportunity", "team_id": cls.team.id,
            "stage_id": stage.id,
        } for name, stage in (("خرید تجهیزات آزمایشگاه", cls.odoo_stages[0]),
                              ("تمدید پشتیبانی", cls.odoo_stages[1]))])
        cls.iran = cls.env.ref("parand_crm.resource_calendar_iran")
        cls.iran.global_leave_ids.unlink()

    def test_admin_journey(self):
        with tour_screenshots(), emulated_browser():
            self.start_tour("/odoo/crm", "parand_crm_journey_admin",
                            login="parand_journey_admin", timeout=240)
        self.env.invalidate_all()  # written by the browser's requests
        application = self.env["parand.pipeline.application"].search(
            [("team_id", "=", self.team.id)])
        self.assertEqual(application.state, "applied")
        for lead in self.leads:
            self.assertIn(lead.stage_id, application.stage_ids)
        self.assertEqual(self.env.company.resource_calendar_id, self.iran)
        names = self.iran.global_leave_ids.mapped("name")
        self.assertTrue(any("نوروز" in name for name in names), names)
        self.assertEqual(self.salesperson.date_calendar, "jalali")
