import datetime

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestLetterActivity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.letter_type = cls.env.ref("parand_crm.mail_activity_type_letter")
        cls.partner = cls.env["res.partner"].create({"name": "Kavir Trading", "lang": "en_US"})
        cls.lead = cls.env["crm.lead"].create({"name": "Need for 20 pumps",
                                               "partner_id": cls.partner.id})

    def test_letter_type_among_the_source_document_types(self):
        for xmlid in ("mail.mail_activity_data_call", "mail.mail_activity_data_meeting",
                      "mail.mail_activity_data_todo", "mail.mail_activity_data_email"):
            self.assertTrue(self.env.ref(xmlid))
        self.assertEqual(self.letter_type.name, "Letter")
        self.assertEqual(self.letter_type.icon, "fa-file-text-o")
        self.assertEqual(self.letter_type.summary, "Send a formal letter")
        self.assertEqual(self.letter_type.category, "default")
        self.assertFalse(self.letter_type.res_model)  # usable on any document

    def _render(self, lead):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "parand_crm.action_report_crm_lead_letter", lead.ids)
        return html.decode()

    def test_letter_printed_per_letter_activity(self):
        self.lead.activity_schedule(
            activity_type_id=self.letter_type.id, summary="Price list of 1404",
            note="<p>Please find our new price list enclosed.</p>")
        self.lead.activity_schedule(activity_type_id=self.letter_type.id,
                                    summary="Invitation to our showroom")
        self.lead.activity_schedule("mail.mail_activity_data_call", summary="Call back")
        html = self._render(self.lead)
        self.assertEqual(html.count("o_parand_letter_header"), 2)
        self.assertIn("Price list of 1404", html)
        self.assertIn("Invitation to our showroom", html)
        self.assertIn("Please find our new price list enclosed.", html)
        self.assertNotIn("Call back", html)
        self.assertIn("Kavir Trading", html)
        self.assertIn('dir="ltr"', html)

    def test_letter_without_activity_is_about_the_lead(self):
        html = self._render(self.lead)
        self.assertEqual(html.count("o_parand_letter_header"), 1)
        self.assertIn("Need for 20 pumps", html)

    def test_letter_to_persian_reader_is_rtl_and_jalali(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.partner.lang = "fa_IR"
        html = self._render(self.lead)
        self.assertIn('dir="rtl"', html)
        today = self.partner._format_date_for_reader(datetime.date.today())
        self.assertIn(today, html)
        self.assertRegex(today, "[۰-۹]{4}$")
