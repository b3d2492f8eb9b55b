"""No database: Persian text split into the single runs wkhtmltopdf lays out
right (see tools/report_text.py)."""

import lxml.html

from odoo.addons.parand_base.tools import report_text
from odoo.tests import BaseCase, tagged

NJ = report_text.PDF_NON_JOINER


@tagged("tools")
class TestReportText(BaseCase):

    def test_words_numbers_marks_and_non_joiners_are_tokens_of_their_own(self):
        self.assertEqual(report_text.tokens("موضوع: فهرست قیمت‌های ۱۴۰۵، 25.5%"), [
            ("rtl", "موضوع"), ("neutral", ":"), ("space", " "), ("rtl", "فهرست"),
            ("space", " "), ("rtl", "قیمت"), ("zwnj", "\u200c"), ("rtl", "های"),
            ("space", " "), ("ltr", "۱۴۰۵"), ("neutral", "،"), ("space", " "),
            ("ltr", "25.5%")])

    def test_left_to_right_phrases_stay_whole(self):
        # Latin words keep their order; numbers inside keep their separators.
        self.assertEqual(report_text.tokens("شرکت Kavir Trading در CMP/1405/00003 و 1,000.00"), [
            ("rtl", "شرکت"), ("space", " "), ("ltr", "Kavir Trading"), ("space", " "),
            ("rtl", "در"), ("space", " "), ("ltr", "CMP/1405/00003"), ("space", " "),
            ("rtl", "و"), ("space", " "), ("ltr", "1,000.00")])
        # Two numbers apart keep the right-to-left order of the line: not one phrase.
        self.assertEqual([kind for kind, _text in report_text.tokens("۱۲ ۱۳")],
                         ["ltr", "space", "ltr"])

    def test_marks_stay_on_their_letter(self):
        self.assertEqual(report_text.tokens("احتراماً"), [("rtl", "احتراماً")])

    def test_document_rewritten_only_where_persian_is(self):
        html = ("<!DOCTYPE html><html><head><style>p{}</style></head><body>"
                "<p>Hello world</p><p dir='rtl'>شکایت‌ها: <b>۳</b> مورد</p></body></html>")
        out = report_text.isolate_runs(html)
        self.assertTrue(out.startswith("<!DOCTYPE html>"))
        root = lxml.html.document_fromstring(out)
        latin, persian = root.findall(".//p")
        self.assertEqual(lxml.html.tostring(latin, encoding="unicode"), "<p>Hello world</p>")
        self.assertEqual(
            [(span.text, span.get("dir"), span.get("class")) for span in persian.iter("span")],
            [("شکایت", None, None), (NJ, "rtl", report_text.NON_JOINER_CLASS),
             ("ها", None, None), (":", None, None), ("مورد", None, None)])
        # The text is unchanged but for the non-joiner, in order, spaces included.
        self.assertEqual(persian.text_content(), f"شکایت{NJ}ها: ۳ مورد")
        self.assertEqual(root.find(".//style").text, "p{}")

    def test_without_persian_the_document_is_returned_as_is(self):
        html = "<html><body><p>Total: 3</p></body></html>"
        self.assertIs(report_text.isolate_runs(html), html)

    def test_persian_figures(self):
        self.assertEqual(report_text.persian_figures("8,000.50 $ (3) - 150.0%"),
                         "۸٬۰۰۰٫۵۰ $ (۳) - ۱۵۰٫۰%")
        # A full stop or comma after a number is punctuation, not a separator.
        self.assertEqual(report_text.persian_figures("Leads: 12, won 3."), "Leads: ۱۲, won ۳.")

    def test_only_marked_figures_turn_persian(self):
        html = ('<!DOCTYPE html><html><body><p>Shop 24</p>'
                '<table class="table o_reader_figures"><tr><td>Budget</td><td>'
                '<span>8,000.00</span>&nbsp;$ (2)</td></tr></table></body></html>')
        out = report_text.persian_figures_in(html)
        self.assertTrue(out.startswith("<!DOCTYPE html>"))
        root = lxml.html.document_fromstring(out)
        self.assertEqual(root.find(".//p").text, "Shop 24")
        self.assertEqual(root.find(".//table").text_content(), "Budget۸٬۰۰۰٫۰۰\xa0$ (۲)")
        plain = "<html><body><p>Total: 3</p></body></html>"
        self.assertIs(report_text.persian_figures_in(plain), plain)
