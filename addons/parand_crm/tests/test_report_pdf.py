# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import datetime
import subprocess
import tempfile
from pathlib import Path

from odoo.addons.parand_base.tests.pdf_checks import PersianPdfCase, save_first_page
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open


@tagged("post_install", "-at_install")
class TestLetterPdf(PersianPdfCase, HttpCase):
    """The Letter activity's letter on paper, printed by a Persian user for a Persian
    customer."""

    pdf_module = "parand_crm"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({
            "name": "بازرگانی پرند", "street": "خیابان ولیعصر، پلاک ۱۲۰", "city": "تهران",
            "zip": "1435913746", "phone": "+98 21 8888 1234",
            "country_id": cls.env.ref("base.ir").id,
            # The demo company's logo (make run), for the letterhead.
            "logo": base64.b64encode(file_open("parand_crm/demo/parand_logo.png", "rb").read()),
        })
        cls.customer = cls.env["res.partner"].create({
            "name": "شرکت کویر تجارت", "lang": "fa_IR", "tz": "Asia/Tehran"})
        cls.lead = cls.env["crm.lead"].with_user(cls.reader).create({
            "name": "نیاز به ۲۰ پمپ", "partner_id": cls.customer.id})
        cls.lead.activity_schedule(
            "parand_crm.mail_activity_type_letter", user_id=cls.reader.id,
            summary="فهرست قیمت‌های سال ۱۴۰۵",
            note="<p>احتراماً، فهرست قیمت‌های تازهٔ شرکت برای 25 دستگاه پمپ و لوازم یدکی "
                 "آن‌ها به پیوست تقدیم می‌شود. خواهشمند است پیش از پایان آذر نظر خود را "
                 "اعلام فرمایید تا سفارش‌ها در نوبت ساخت قرار گیرند.</p>")

    def test_letter_on_paper(self):
        pdf = self.render_pdf_as_reader("parand_crm.action_report_crm_lead_letter",
                                        self.lead.ids)
        save_first_page(pdf, "report_letter")
        self.assertWordsInside(pdf, (15, 20, 15, 20))
        # The letterhead's logo is on the page.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "letter.pdf"
            path.write_bytes(pdf)
            images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True,
                                    check=True, text=True).stdout.splitlines()[2:]
        # One picture (its transparency is listed apart, as an "smask").
        self.assertEqual([line.split()[2] for line in images], ["image", "smask"],
                         "the letterhead has no logo")
        # Letterhead, date / number / attachment block, subject, greeting and closing, in
        # Persian, searchable.
        self.assertSearchable(pdf, "بازرگانی پرند", "خیابان ولیعصر، پلاک ۱۲۰", "تهران",
                              "تاریخ:", "شماره:", "پیوست:", "ندارد", "موضوع:",
                              "شرکت کویر تجارت", "فهرست قیمت‌های سال ۱۴۰۵",
                              "با سلام و احترام", "با تشکر", "سفارش‌ها", "می‌شود")
        # The non-joiner keeps its letters apart (قیمت‌ها, not قیمتها) and stays in the
        # text.
        self.assertNonJoinerKept(pdf, "قیمت", "ها")
        self.assertNonJoinerKept(pdf, "سفارش", "ها")
        # Digits come out, Latin and Persian; the date is Jalali.
        self.assertSearchable(pdf, "25 دستگاه", "1435913746", "+98 21 8888 1234")
        self.assertLeftToRight(pdf, ["+98", "21", "8888", "1234"])
        today = datetime.date.today()
        self.assertReaderCalendar(pdf, [self.customer._format_date_for_reader(today)],
                                  today.year)

    def test_letter_to_english_reader_on_paper(self):
        """The same letter for an English reader: left to right, Gregorian, inside the
        margins, printed by the Persian user."""
        self.customer.write({"name": "Kavir Trading", "lang": "en_US"})
        pdf = self.render_pdf_as_reader("parand_crm.action_report_crm_lead_letter",
                                        self.lead.ids)
        self.assertWordsInside(pdf, (15, 20, 15, 20))
        today = datetime.date.today()
        self.assertSearchable(pdf, "Date", "Number", "Attachment", "Kavir Trading",
                              "Greetings and respect", "With thanks",
                              self.customer._format_date_for_reader(today))
        self.assertLeftToRight(pdf, ["Greetings", "and", "respect,"])
