import datetime

from odoo.tests import TransactionCase, tagged

from ..tools import jalali


@tagged("post_install", "-at_install")
class TestJalaliGroupBy(TransactionCase):
    """read_group groups a Jalali reader's dates by Jalali periods, for any model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Lead = cls.env["crm.lead"]
        cls.leads = cls.Lead.create([
            {"name": "Last of Tir", "date_deadline": "2024-07-21", "expected_revenue": 1},
            {"name": "First of Mordad", "date_deadline": "2024-07-22", "expected_revenue": 10},
            {"name": "Last of Mordad", "date_deadline": "2024-08-21", "expected_revenue": 100},
            {"name": "Esfand 30", "date_deadline": "2025-03-20", "expected_revenue": 1000},
            {"name": "Nowruz 1404", "date_deadline": "2025-03-21", "expected_revenue": 10000},
            {"name": "No deadline", "expected_revenue": 100000},
            # 1403/05/01 typed in a Gregorian field: outside the Jalali day table's years.
            {"name": "Typing slip", "date_deadline": "1403-05-01", "expected_revenue": 1000000},
        ])
        cls.domain = [("id", "in", cls.leads.ids)]

    def read_group(self, groupby, calendar="jalali", lang="fa_IR", **context):
        Lead = self.Lead.with_context(date_calendar=calendar, lang=lang, **context)
        return Lead.read_group(self.domain, ["expected_revenue:sum"], [groupby], lazy=False)

    def test_months_are_jalali_months(self):
        groups = self.read_group("date_deadline:month")
        self.assertEqual(
            [(group["date_deadline:month"], group["expected_revenue"]) for group in groups],
            [("تیر 1403", 1), ("مرداد 1403", 110), ("اسفند 1403", 1000),
             ("فروردین 1404", 10000), (False, 1100000)])
        mordad = groups[1]
        self.assertEqual(mordad["__range"]["date_deadline:month"],
                         {"from": "2024-07-22", "to": "2024-08-22"})
        # Opening the group shows exactly its leads.
        self.assertEqual(self.Lead.search(mordad["__domain"]),
                         self.leads.filtered(lambda lead: "Mordad" in lead.name))
        # The empty group holds the dates outside the calendar's years, and opens on them.
        self.assertEqual(self.Lead.search(groups[-1]["__domain"]), self.leads[-2:])

    def test_weeks_are_titled_with_the_week_of_the_jalali_year(self):
        weeks = self.read_group("date_deadline:week")
        # Persian weeks start on Saturday: 20 July 2024 is Tir 30, 1403, in the 19th week
        # of 1403; Esfand 30 and Nowruz 1404 share the week that holds Farvardin 1st.
        self.assertEqual(
            [(group["date_deadline:week"], group["expected_revenue"]) for group in weeks[1:]],
            [("هفتهٔ 19 1403", 11), ("هفتهٔ 23 1403", 100), ("هفتهٔ 1 1404", 11000),
             (False, 100000)])
        # The typing slip (1403-05-01, outside the Jalali day table's years): Odoo's title.
        self.assertRegex(weeks[0]["date_deadline:week"], r"^W\d+ 1403$")
        self.assertEqual(weeks[0]["expected_revenue"], 1000000)
        self.assertEqual(weeks[1]["__range"]["date_deadline:week"],
                         {"from": "2024-07-20", "to": "2024-07-27"})
        self.assertEqual(self.Lead.search(weeks[1]["__domain"]), self.leads[:2])
        self.env.user.persian_digits = True
        self.assertEqual(self.read_group("date_deadline:week")[1]["date_deadline:week"],
                         "هفتهٔ ۱۹ ۱۴۰۳")
        self.env.user.persian_digits = False
        # Another language: its own first day of the week (Sunday), W and the number.
        self.assertEqual(self.read_group("date_deadline:week", lang="en_US")[1][
            "date_deadline:week"], "W19 1403")
        # A Gregorian reader keeps Odoo's weeks.
        self.assertRegex(self.read_group("date_deadline:week", calendar="gregorian")[1][
            "date_deadline:week"], r"^W\d+ 2024$")

    def test_week_of_the_jalali_year(self):
        self.assertEqual(jalali.week_of_year(datetime.date(2026, 3, 21)), (1405, 1))
        # Friday before Nowruz: the last week of 1404, which started on Saturday 14 March.
        self.assertEqual(jalali.week_of_year(datetime.date(2026, 3, 20)), (1404, 53))
        self.assertEqual(jalali.week_of_year(datetime.date(2026, 3, 13)), (1404, 52))
        self.assertEqual(jalali.week_of_year(datetime.date(2026, 10, 12)), (1405, 30))
        self.assertEqual(jalali.week_label(datetime.date(2026, 10, 12), "fa_IR", "persian"),
                         "هفتهٔ ۳۰ ۱۴۰۵")

    def test_quarters_years_and_days(self):
        quarters = self.read_group("date_deadline:quarter")
        # Jalali quarters are the seasons: Tir is the first month of summer.
        self.assertEqual([group["date_deadline:quarter"] for group in quarters],
                         ["تابستان 1403", "زمستان 1403", "بهار 1404", False])
        self.assertEqual(self.Lead.search(quarters[0]["__domain"]), self.leads[:3])
        years = self.read_group("date_deadline:year", lang="en_US")
        self.assertEqual([(group["date_deadline:year"], group["expected_revenue"])
                          for group in years],
                         [("1403", 1111), ("1404", 10000), (False, 1100000)])
        days = self.read_group("date_deadline:day", lang="en_US")
        self.assertEqual(days[0]["date_deadline:day"], "1403-05-01")  # the slip, as typed
        self.assertEqual(days[1]["date_deadline:day"], "31 Tir 1403")
        self.assertEqual(days[1]["__range"]["date_deadline:day"],
                         {"from": "2024-07-21", "to": "2024-07-22"})

    def test_datetimes_in_the_readers_time_zone(self):
        lead = self.leads[0]
        # 21:00 UTC on 20 March 2025 is 00:30 on 1 Farvardin 1404 in Tehran.
        self.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = %s",
                            (datetime.datetime(2025, 3, 20, 21, 0), lead.id))
        lead.invalidate_recordset()
        Lead = self.Lead.with_context(date_calendar="jalali", lang="en_US", tz="Asia/Tehran")
        groups = Lead.read_group([("id", "=", lead.id)], [], ["create_date:month"], lazy=False)
        self.assertEqual(groups[0]["create_date:month"], "Farvardin 1404")
        # Midnight of 1 Farvardin and 1 Ordibehesht in Tehran (UTC+3:30), in UTC.
        self.assertEqual(groups[0]["__range"]["create_date:month"],
                         {"from": "2025-03-20 20:30:00", "to": "2025-04-20 20:30:00"})
        self.assertEqual(Lead.search(groups[0]["__domain"]), lead)

    def test_graphs_get_the_empty_jalali_months(self):
        groups = self.read_group("date_deadline:month", fill_temporal=True)
        labels = [group["date_deadline:month"] for group in groups]
        self.assertEqual(labels[:3], ["تیر 1403", "مرداد 1403", "شهریور 1403"])
        self.assertEqual(labels[-3:], ["اسفند 1403", "فروردین 1404", False])
        self.assertEqual(len(labels), 11)  # Tir 1403 to Farvardin 1404, and no deadline

    def test_graphs_get_the_empty_jalali_months_of_datetimes(self):
        # 21:00 UTC on 20 March 2025 is 00:30 on 1 Farvardin 1404 in Tehran.
        self.env.cr.execute("""
            UPDATE crm_lead SET create_date = CASE WHEN id = %s THEN timestamp '2025-03-20 21:00'
                                                   ELSE timestamp '2024-12-01 08:00' END
             WHERE id = ANY(%s)
        """, (self.leads[0].id, self.leads.ids))
        self.leads.invalidate_recordset()
        groups = self.read_group("create_date:month", lang="en_US", tz="Asia/Tehran",
                                 fill_temporal=True)
        self.assertEqual([(group["create_date:month"], group["__count"]) for group in groups],
                         [("Azar 1403", 6), ("Dey 1403", 0), ("Bahman 1403", 0),
                          ("Esfand 1403", 0), ("Farvardin 1404", 1)])
        self.assertEqual(groups[1]["__range"]["create_date:month"],
                         {"from": "2024-12-20 20:30:00", "to": "2025-01-19 20:30:00"})

    def test_gregorian_readers_and_odoo_code_are_unchanged(self):
        gregorian = self.read_group("date_deadline:month", calendar="gregorian")
        plain = self.Lead.read_group(self.domain, ["expected_revenue:sum"],
                                     ["date_deadline:month"], lazy=False)
        self.assertEqual(gregorian, plain)
        self.assertEqual([group["__range"]["date_deadline:month"]["from"]
                          for group in gregorian[:4]],
                         ["1403-05-01", "2024-07-01", "2024-08-01", "2025-03-01"])
        # Odoo's own code reads _read_group's months as Gregorian, whoever the reader is.
        Lead = self.Lead.with_context(date_calendar="jalali")
        months = Lead._read_group(self.domain, ["date_deadline:month"], ["__count"])
        self.assertEqual([month for month, _count in months],
                         [datetime.date(1403, 5, 1), datetime.date(2024, 7, 1),
                          datetime.date(2024, 8, 1), datetime.date(2025, 3, 1), False])

    def test_any_model(self):
        partner = self.env["res.partner"].create({"name": "Nowruz customer"})
        Partner = self.env["res.partner"].with_context(date_calendar="jalali", lang="fa_IR",
                                                       tz="Asia/Tehran")
        groups = Partner.read_group([("id", "=", partner.id)], [], ["create_date:year"])
        today = datetime.date.today()
        self.assertEqual(groups[0]["create_date:year"], str(jalali.to_jalali(today).year))

    def test_day_table_matches_the_calendar(self):
        self.env.cr.execute("""
            SELECT day, month_start, quarter_start, year_start FROM parand_jalali_day
             WHERE day BETWEEN '2020-01-01' AND '2030-12-31' ORDER BY day
        """)
        rows = self.env.cr.fetchall()
        days = (datetime.date(2030, 12, 31) - datetime.date(2020, 1, 1)).days + 1
        self.assertEqual(len(rows), days)
        for day, month_start, quarter_start, year_start in rows:
            self.assertEqual((month_start, quarter_start, year_start),
                             tuple(jalali.period_start(day, kind)
                                   for kind in ("month", "quarter", "year")), day)

    def test_period_functions_match_the_day_table(self):
        """The SQL functions read_group uses give the day table's periods on every day of
        the calendar's years, and NULL outside them."""
        self.env.cr.execute("""
            SELECT count(*) FROM parand_jalali_day
             WHERE parand_jalali_month_start(day) IS DISTINCT FROM month_start
                OR parand_jalali_quarter_start(day) IS DISTINCT FROM quarter_start
                OR parand_jalali_year_start(day) IS DISTINCT FROM year_start
        """)
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        # Datetimes (in the reader's time zone): the first and the last second of each day.
        self.env.cr.execute("""
            SELECT count(*) FROM parand_jalali_day, LATERAL (
                   VALUES (day::timestamp), (day + interval '1 day' - interval '1 second')
                   ) AS moments(moment)
             WHERE parand_jalali_month_start_at(moment) IS DISTINCT FROM month_start::timestamp
                OR parand_jalali_quarter_start_at(moment)
                   IS DISTINCT FROM quarter_start::timestamp
                OR parand_jalali_year_start_at(moment) IS DISTINCT FROM year_start::timestamp
        """)
        self.assertEqual(self.env.cr.fetchone()[0], 0)
        self.env.cr.execute("""
            SELECT count(*), min(day), max(day) FROM parand_jalali_day
        """)
        count, first, last = self.env.cr.fetchone()
        self.assertGreater(count, 73000)
        self.env.cr.execute("""
            SELECT parand_jalali_month_start(%s), parand_jalali_month_start(%s),
                   parand_jalali_year_start(%s), parand_jalali_year_start(NULL)
        """, (first - datetime.timedelta(days=1), last + datetime.timedelta(days=1), last))
        self.assertEqual(self.env.cr.fetchone(),
                         (None, None, jalali.period_start(last, "year"), None))
        # Inlined into the query (no function call per row): what makes it as fast as
        # date_trunc (bench/bench_parand.py).
        self.env.cr.execute("""
            EXPLAIN VERBOSE SELECT parand_jalali_quarter_start(create_date::date),
                                   parand_jalali_month_start_at(create_date)
              FROM crm_lead
        """)
        plan = "\n".join(row[0] for row in self.env.cr.fetchall())
        self.assertEqual(plan.count("width_bucket"), 2)
        self.assertNotIn("parand_jalali", plan)

    def test_the_web_client_sends_the_calendar(self):
        self.env.user.date_calendar = "jalali"
        self.assertEqual(self.env["res.users"].context_get()["date_calendar"], "jalali")
        self.env.user.date_calendar = "gregorian"
        self.assertEqual(self.env["res.users"].context_get()["date_calendar"], "gregorian")
