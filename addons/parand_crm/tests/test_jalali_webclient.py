import datetime

from odoo.addons.parand_base.tests.screenshots import start_tour_with_screenshot, tour_screenshots
from odoo.tests import HttpCase, new_test_user, tagged


def _hoot_error(message):
    # As Odoo's web tests read Hoot's console output (web/tests/test_js.py).
    return "[HOOT]" not in message or message == "[HOOT] test failed (see above for details)"


@tagged("post_install", "-at_install")
class TestJalaliWebClient(HttpCase):
    NEW_LEAD_URL = "/odoo/action-crm.crm_lead_action_pipeline/new"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        groups = "sales_team.group_sale_salesman_all_leads,base.group_user"
        cls.jalali_user = new_test_user(cls.env, "parand_jalali", groups=groups, tz="Asia/Tehran",
                                        date_calendar="jalali", name="سارا جلالی")
        cls.gregorian_user = new_test_user(cls.env, "parand_gregorian", groups=groups,
                                           tz="Asia/Tehran", date_calendar="gregorian",
                                           lang="en_US")

    def test_session_tells_the_calendar(self):
        self.authenticate("parand_jalali", "parand_jalali")
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertEqual(info["parand_date_calendar"], "jalali")
        self.assertIs(info["parand_persian_digits"], False)
        self.jalali_user.persian_digits = True
        self.env.flush_all()
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        self.assertIs(info["parand_persian_digits"], True)

    def test_js_unit(self):
        """Conversion, formatting, parsing, leap years and the picker grid, in Chromium."""
        self.browser_js("/web/tests?headless&loglevel=2&preset=desktop&timeout=15000"
                        "&filter=%40parand_crm", "", "", login="admin", timeout=600,
                        success_signal="[HOOT] test suite succeeded", error_checker=_hoot_error)

    def _leads(self, prefix):
        leads = self.env["crm.lead"].search([("name", "like", f"{prefix} %")])
        return {lead.name: lead.date_deadline for lead in leads}

    def test_tour_jalali_user(self):
        with tour_screenshots():
            self.start_tour(self.NEW_LEAD_URL, "parand_crm_jalali_lead", login="parand_jalali")
        self.assertEqual(self._leads("Jalali"), {
            "Jalali typed lead": datetime.date(2024, 7, 22),   # ۱۴۰۳/۰۵/۰۱
            "Jalali picked lead": datetime.date(2024, 9, 21),  # 1403/06/31
        })

    def test_tour_gregorian_user_unchanged(self):
        self.start_tour(self.NEW_LEAD_URL, "parand_crm_gregorian_lead", login="parand_gregorian")
        self.assertEqual(self._leads("Gregorian"), {
            "Gregorian typed lead": datetime.date(2024, 7, 22),
            "Gregorian picked lead": datetime.date(2024, 8, 31),
        })

    def test_tour_activities_sample_data_in_jalali(self):
        """CRM > Reporting > Activities with no activity yet: the sample data's Jalali
        months were read from Gregorian dates taken for Jalali ones (دی 2647)."""
        self.assertFalse(self.env["crm.activity.report"].search_count([]))
        start_tour_with_screenshot(
            self, "/odoo/action-crm.crm_activity_report_action?view_type=pivot",
            "parand_crm_jalali_activities_sample", "jalali_activities_sample_data",
            login="parand_jalali")

    def test_tour_calendar_year_in_jalali(self):
        """The calendar's year scale: the twelve Jalali months of this Jalali year."""
        # Noon UTC: the same day in the browser's time zone, whichever it is.
        now = datetime.datetime.combine(datetime.date.today(), datetime.time(12))
        self.env["calendar.event"].create({
            "name": "جلسهٔ امروز", "user_id": self.jalali_user.id,
            "partner_ids": [(4, self.jalali_user.partner_id.id)],
            "start": now, "stop": now + datetime.timedelta(hours=1)})
        with tour_screenshots():
            self.start_tour("/odoo/action-calendar.action_calendar_event",
                            "parand_crm_jalali_calendar_year", login="parand_jalali")
