import io

import openpyxl

from odoo.tests import BaseCase, tagged

from ..tools import list_import as li


@tagged("tools")
class TestListImportTools(BaseCase):
    def test_persian_and_english_headers(self):
        self.assertEqual(li.map_columns(["نام", "ایمیل", "موبایل", "شرکت", "کد ملی"]),
                         {"name": 0, "email": 1, "phone": 2, "company": 3, "national_code": 4})
        self.assertEqual(li.map_columns(["Full Name", "E-mail", "Mobile"]),
                         {"name": 0, "email": 1, "phone": 2})
        with self.assertRaises(li.ImportFileError):
            li.map_columns(["name", "city"])

    def test_phone_key_formats(self):
        key = "9123456789"
        for text in ("09123456789", "+98 912 345 6789", "00989123456789", "۰۹۱۲۳۴۵۶۷۸۹"):
            self.assertEqual(li.phone_key(text), key, text)
        self.assertIsNone(li.phone_key("call me"))
        self.assertIsNone(li.phone_key("123"))

    def test_check_rows_reasons(self):
        rows = [["name", "email", "phone"],
                ["Ali", "ali@example.com", ""],
                ["", "x@example.com", ""],
                ["Reza", "", ""],
                ["Sara", "not-an-email", ""],
                ["Mina", "", "12ab"],
                ["Ali again", "ALI@example.com", ""],
                ["Neda", "", "0912 345 6789"],
                ["Neda 2", "", "+989123456789"]]
        checked = li.check_rows(rows)
        self.assertEqual([(c["row"], c["error"], c["error_arg"]) for c in checked], [
            (2, None, None), (3, li.MISSING_NAME, None), (4, li.MISSING_CONTACT, None),
            (5, li.INVALID_EMAIL, "not-an-email"), (6, li.INVALID_PHONE, "12ab"),
            (7, li.DUPLICATE, 2), (8, None, None), (9, li.DUPLICATE, 8)])

    def test_national_code_only_with_a_checker(self):
        rows = [["نام", "تلفن", "کد ملی"], ["علی", "09121111111", "123"]]
        self.assertIsNone(li.check_rows(rows)[0]["error"])
        checked = li.check_rows(rows, lambda value: "bad" if value == "123" else None)
        self.assertEqual(checked[0]["error"], li.INVALID_NATIONAL_CODE)

    def test_read_csv_and_xlsx(self):
        csv_rows = li.read_rows("نام;ایمیل\nعلی;a@b.ir\n\n".encode(), "list.csv")
        self.assertEqual(csv_rows, [["نام", "ایمیل"], ["علی", "a@b.ir"]])
        workbook = openpyxl.Workbook()
        workbook.active.append(["name", "phone"])
        workbook.active.append(["Ali", 9123456789])
        out = io.BytesIO()
        workbook.save(out)
        rows = li.read_rows(out.getvalue(), "list.xlsx")
        self.assertEqual(rows, [["name", "phone"], ["Ali", 9123456789]])
        self.assertEqual(li.check_rows(rows)[0]["phone_key"], "9123456789")
        with self.assertRaises(li.ImportFileError):
            li.read_rows(b"\xff\xfe\x00bad", "list.csv")
        with self.assertRaises(li.ImportFileError):
            li.read_rows(b"data", "list.pdf")
