import datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestIranWorkingDays(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env.ref("parand_crm.resource_calendar_iran").copy(
            {"name": "Iran test"})
        cls.Leave = cls.env["resource.calendar.leaves"]

    def _holidays(self, calendar=None):
        return self.Leave.search([("calendar_id", "=", (calendar or self.calendar).id),
                                  ("resource_id", "=", False)])

    def test_week_is_saturday_to_thursday_noon(self):
        hours = {}
        for attendance in self.calendar.attendance_ids.filtered(
                lambda a: a.day_period != "lunch"):
            hours[attendance.dayofweek] = hours.get(attendance.dayofweek, 0) + (
                attendance.hour_to - attendance.hour_from)
        self.assertEqual(hours, {"5": 8, "6": 8, "0": 8, "1": 8, "2": 8, "3": 4})
        self.assertEqual(self.calendar.tz, "Asia/Tehran")

    def test_name_in_the_reader_language(self):
        """Iran's calendar as parand_crm ships it: Persian for a Persian user."""
        iran = self.env.ref("parand_crm.resource_calendar_iran")
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["parand_crm"], ["fa_IR"])
        self.assertEqual(iran.with_context(lang="fa_IR").name,
                         "ایران: شنبه تا چهارشنبه، پنجشنبه صبح (۴۴ ساعت)")
        self.assertEqual(iran.with_context(lang="en_US").name,
                         "Iran: Saturday to Wednesday, Thursday morning (44 hours)")
        # A Persian user finds it by its Persian name.
        self.assertIn(iran, self.env["resource.calendar"].with_context(lang="fa_IR").search(
            [("name", "ilike", "شنبه تا چهارشنبه")]))

    def test_load_holidays_idempotent_in_tehran_time(self):
        created = self.calendar._l10n_ir_load_holidays([2025])
        self.assertTrue(created)
        nowruz = created.filtered(lambda leave: leave.date_from == datetime.datetime(
            2025, 3, 20, 20, 30))
        self.assertEqual(len(nowruz), 1)
        self.assertEqual(nowruz.date_to, datetime.datetime(2025, 3, 21, 20, 29, 59))
        self.assertEqual(self._holidays(), created)
        self.assertFalse(self.calendar._l10n_ir_load_holidays([2025]))
        self.assertEqual(self._holidays(), created)

    def test_action_loads_coming_years_only_on_that_calendar(self):
        other = self.env.company.resource_calendar_id
        other_leaves = self._holidays(other)
        with freeze_time("2026-05-01"):
            action = self.calendar.action_l10n_ir_load_holidays()
        self.assertEqual(action["tag"], "display_notification")
        years = {leave.date_to.year for leave in self._holidays()}
        self.assertEqual(years, {2026, 2027, 2028})
        self.assertEqual(self._holidays(other), other_leaves)
        with freeze_time("2026-05-01"):
            count = len(self._holidays())
            self.calendar.action_l10n_ir_load_holidays()
        self.assertEqual(len(self._holidays()), count)

    def test_load_holidays_set_based(self):
        # A search for what exists and one batch insert, however many holidays.
        self.env.invalidate_all()
        with self.assertQueryCount(5):
            created = self.calendar._l10n_ir_load_holidays([2025, 2026, 2027])
        self.assertGreater(len(created), 60)

    def test_settings_button_loads_company_calendar(self):
        self.env.company.resource_calendar_id = self.calendar
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.l10n_ir_resource_calendar_id, self.calendar)
        with freeze_time("2026-05-01"):
            settings.action_l10n_ir_load_holidays()
        self.assertTrue(self._holidays().filtered(
            lambda leave: leave.date_from == datetime.datetime(2027, 3, 20, 20, 30)))

    def test_working_day_counts_skip_fridays_and_holidays(self):
        self.calendar._l10n_ir_load_holidays([2025])
        tehran = datetime.timezone(datetime.timedelta(hours=3, minutes=30))
        # Tuesday 1403/12/28 (2025-03-18), the week of Nowruz: 19 March (oil
        # nationalization day), 20 March (last day of the year), then Nowruz (21 March, a
        # Friday anyway) to 24 March are off.
        start = datetime.datetime(2025, 3, 18, 0, 0, tzinfo=tehran)
        end = datetime.datetime(2025, 3, 27, 0, 0, tzinfo=tehran)
        days = self.calendar._work_intervals_batch(start, end)[False]
        worked = sorted({interval[0].date() for interval in days})
        self.assertEqual(worked, [datetime.date(2025, 3, 18), datetime.date(2025, 3, 25),
                                  datetime.date(2025, 3, 26)])
        self.assertEqual(self.calendar._next_working_day(datetime.date(2025, 3, 20)),
                         datetime.date(2025, 3, 25))
        # Friday 2025-03-28 is the weekend; Saturday the 29th is a working day.
        self.assertEqual(self.calendar._next_working_day(datetime.date(2025, 3, 28)),
                         datetime.date(2025, 3, 29))

    def test_activity_deadline_skips_holidays(self):
        self.env.company.resource_calendar_id = self.calendar
        self.calendar._l10n_ir_load_holidays([2025])
        call = self.env.ref("mail.mail_activity_data_call")  # due two days later
        call.write({"delay_count": 2, "delay_unit": "days", "delay_from": "current_date"})
        with freeze_time("2025-03-18"):  # Tuesday: two days later, Thursday, is a holiday
            self.assertEqual(call._get_date_deadline(), datetime.date(2025, 3, 25))
        with freeze_time("2025-04-14"):  # Monday: Wednesday 16 April is a working day
            self.assertEqual(call._get_date_deadline(), datetime.date(2025, 4, 16))
        lead = self.env["crm.lead"].create({"name": "Need"})
        with freeze_time("2025-03-18"):
            activity = self.env["mail.activity"].new({
                "res_model_id": self.env["ir.model"]._get_id("crm.lead"),
                "res_id": lead.id, "activity_type_id": call.id})
            activity._onchange_activity_type_id()
            self.assertEqual(activity.date_deadline, datetime.date(2025, 3, 25))
