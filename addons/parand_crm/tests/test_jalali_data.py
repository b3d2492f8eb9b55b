import datetime

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestJalaliData(TransactionCase):
    def test_period_filters_follow_the_day_they_run(self):
        Lead = self.env["crm.lead"].with_context(tz="Asia/Tehran")
        inside = Lead.create({"name": "Mordad", "date_deadline": "2024-07-22"})    # 1403/05/01
        last_day = Lead.create({"name": "Last", "date_deadline": "2024-08-21"})    # 1403/05/31
        outside = Lead.create({"name": "Tir", "date_deadline": "2024-07-21"})      # 1403/04/31
        leads = inside | last_day | outside
        with freeze_time("2024-08-10"):
            this_month = Lead.search([("id", "in", leads.ids),
                                      ("jalali_period", "=", "date_deadline:month:0")])
            last_month = Lead.search([("id", "in", leads.ids),
                                      ("jalali_period", "=", "date_deadline:month:-1")])
            this_year = Lead.search([("id", "in", leads.ids),
                                     ("jalali_period", "=", "date_deadline:year:0")])
        self.assertEqual(this_month, inside | last_day)
        self.assertEqual(last_month, outside)
        self.assertEqual(this_year, leads)
        with freeze_time("2025-03-21"):  # Nowruz 1404: 1403 is now last year
            self.assertEqual(Lead.search([("id", "in", leads.ids),
                                          ("jalali_period", "=", "date_deadline:year:-1")]), leads)

    def test_datetime_periods_use_the_users_time_zone(self):
        Lead = self.env["crm.lead"].with_context(tz="Asia/Tehran")
        lead = Lead.create({"name": "Eve of Nowruz"})
        # 21:00 UTC on 20 March 2025 is 00:30 on 1 Farvardin 1404 in Tehran.
        self.env.cr.execute("UPDATE crm_lead SET create_date = %s WHERE id = %s",
                            (datetime.datetime(2025, 3, 20, 21, 0), lead.id))
        lead.invalidate_recordset()
        with freeze_time("2025-04-01"):
            found = Lead.search([("id", "=", lead.id),
                                 ("jalali_period", "=", "create_date:year:0")])
        self.assertEqual(found, lead)

    def test_bad_period_is_refused(self):
        from odoo.exceptions import UserError

        with self.assertRaisesRegex(UserError, "not a Jalali period"):
            self.env["crm.lead"].search([("jalali_period", "=", "name:month:0")])

    def test_group_by_jalali_month(self):
        """The lead search's date group-bys are Jalali periods for a Jalali reader, computed
        when read: a changed date moves its lead at once."""
        Lead = self.env["crm.lead"]
        leads = Lead.create([
            {"name": "a", "date_deadline": "2024-07-22"},
            {"name": "b", "date_deadline": "2024-08-21"},
            {"name": "c", "date_deadline": "2025-03-20"},
            {"name": "d", "date_deadline": "2025-03-21"},
        ])
        reader = Lead.with_context(date_calendar="jalali", lang="fa_IR", tz="Asia/Tehran")

        def groups(groupby):
            return {group[groupby]: group["__count"] for group in reader.read_group(
                [("id", "in", leads.ids)], [], [groupby], lazy=False)}

        self.assertEqual(groups("date_deadline:month"),
                         {"مرداد 1403": 2, "اسفند 1403": 1, "فروردین 1404": 1})
        self.assertEqual(groups("date_deadline:year"), {"1403": 3, "1404": 1})
        leads[0].date_deadline = "2024-06-21"  # 1403/04/01
        self.assertEqual(groups("date_deadline:quarter"),
                         {"تابستان 1403": 2, "زمستان 1403": 1, "بهار 1404": 1})
        view = self.env.ref("crm.view_crm_case_leads_filter")
        arch = Lead.get_views([(view.id, "search")])["views"]["search"]["arch"]
        self.assertIn("'group_by': 'date_deadline:month'", arch)

    def test_activity_and_partner_filters(self):
        partner = self.env["res.partner"].create({"name": "Filtered"})
        activity = partner.activity_schedule("mail.mail_activity_data_todo",
                                             date_deadline=datetime.date.today())
        self.assertIn(activity, self.env["mail.activity"].search(
            [("jalali_period", "=", "date_deadline:month:0")]))
        self.assertIn(partner, self.env["res.partner"].search(
            [("jalali_period", "=", "create_date:year:0")]))
