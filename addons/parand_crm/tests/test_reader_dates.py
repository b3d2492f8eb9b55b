import datetime

from odoo.tests import TransactionCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDatesInReaderCalendar(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["res.lang"]._activate_lang("en_US")
        cls.Partner = cls.env["res.partner"]
        cls.day = datetime.date(2025, 3, 21)  # 1404/01/01
        cls.moment = datetime.datetime(2025, 6, 11, 10, 0)  # 13:30 in Tehran, 21 Khordad 1404

    def test_persian_contact_without_user_reads_jalali(self):
        partner = self.Partner.create({"name": "Sara", "lang": "fa_IR", "tz": "Asia/Tehran"})
        self.assertEqual(partner._format_date_for_reader(self.day), "۰۱ فروردین ۱۴۰۴")
        self.assertEqual(partner._format_date_for_reader(self.moment),
                         "۲۱ خرداد ۱۴۰۴، ۱۳:۳۰")
        self.assertEqual(partner._format_date_for_reader(False), "")

    def test_contact_without_language_reads_the_language_of_the_mail(self):
        """A customer with no language gets mail in the sender's (Persian): its dates were
        written Gregorian in Persian ("2026/11/17، 17:00"); they follow the language."""
        partner = self.Partner.create({"name": "Sara", "tz": "Asia/Tehran", "lang": False})
        self.assertFalse(partner.lang)
        self.assertEqual(partner.with_context(lang="fa_IR")._format_date_for_reader(
            self.moment), "۲۱ خرداد ۱۴۰۴، ۱۳:۳۰")
        self.assertEqual(partner.with_context(lang="en_US")._format_date_for_reader(self.day),
                         "03/21/2025")

    def test_user_preference_wins_over_language(self):
        jalali_user = new_test_user(self.env, login="jalali_en", lang="en_US")
        jalali_user.date_calendar = "jalali"
        self.assertEqual(jalali_user.partner_id._format_date_for_reader(self.day), "1404/01/01")
        gregorian_user = new_test_user(self.env, login="gregorian_fa", lang="fa_IR")
        gregorian_user.date_calendar = "gregorian"
        text = gregorian_user.partner_id._format_date_for_reader(self.day)
        self.assertNotIn("1404", text)
        self.assertNotIn("۱۴۰۴", text)

    def test_other_contacts_read_gregorian(self):
        partner = self.Partner.create({"name": "John", "lang": "en_US"})
        self.assertEqual(partner._format_date_for_reader(self.day), "03/21/2025")

    def test_helper_in_qweb_reports(self):
        # Without a reader given, the user rendering the template reads the date.
        self.env.user.write({"lang": "en_US", "date_calendar": "gregorian"})
        partner = self.Partner.create({"name": "Sara", "lang": "fa_IR"})
        html = self.env["ir.qweb"]._render(self._template(
            '<p><t t-out="format_date_for_reader(day, partner)"/>|'
            '<t t-out="format_date_for_reader(day)"/></p>').id,
            {"day": self.day, "partner": partner})
        self.assertEqual(str(html), "<p>۰۱ فروردین ۱۴۰۴|03/21/2025</p>")

    def _template(self, arch):
        return self.env["ir.ui.view"].create({"name": "t", "type": "qweb", "arch": arch})

    def test_helper_in_mail_templates(self):
        partner = self.Partner.create({"name": "Sara", "lang": "fa_IR", "email": "s@example.com"})
        template = self.env["mail.template"].create({
            "name": "Reminder", "model_id": self.env.ref("base.model_res_partner").id,
            "subject": "{{ format_date_for_reader(ctx['day'], object) }}",
            "body_html": '<p t-out="format_date_for_reader(ctx[\'day\'], object)"/>',
        })
        template = template.with_context(day=self.day)
        subject = template._render_field("subject", partner.ids)[partner.id]
        body = template._render_field("body_html", partner.ids)[partner.id]
        self.assertEqual(subject, "۰۱ فروردین ۱۴۰۴")
        self.assertIn("۰۱ فروردین ۱۴۰۴", str(body))

    def test_exports_stay_gregorian(self):
        partner = self.Partner.create({"name": "Sara", "lang": "fa_IR"})
        lead = self.env["crm.lead"].create({"name": "Need", "partner_id": partner.id,
                                            "date_deadline": self.day})
        rows = lead.with_context(lang="fa_IR").export_data(["date_deadline"])["datas"]
        self.assertEqual(rows, [[self.day]])
