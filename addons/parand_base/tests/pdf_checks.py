# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of printed reports on paper, shared by the PDF tests of the three addons.

A report is rendered through the server into a real PDF (wkhtmltopdf; Odoo's test mode
renders HTML unless `force_report_rendering` is in the context), then read back as a reader
would with Poppler: `pdftotext` for the text (searchable, copyable), `pdftotext -bbox` for
where each word lies on the page, `pdftoppm` for a PNG of the first page in
docs/screenshots/.

One place for the three addons. The font the reports are printed in (Vazirmatn) and the
rewrite of Persian text for wkhtmltopdf are parand_base's, so every Persian report gets them;
the Jalali calendar is parand_crm's: PersianPdfCase skips its tests without parand_crm, which
crm_feedback and crm_campaigns do not depend on.
"""

import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
from unittest import SkipTest
from xml.etree import ElementTree

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
TOOLS = ("wkhtmltopdf", "pdftotext", "pdftoppm")
MM = 72 / 25.4  # PDF points per millimetre
JALALI_YEAR = re.compile(r"(?:14[0-2]\d|۱۴[۰-۲][۰-۹])")


def missing_tools():
    """The programs of the checks this machine lacks, for a test's skip reason."""
    from odoo.addons.base.models.ir_actions_report import wkhtmltopdf_state

    missing = [name for name in TOOLS[1:] if not shutil.which(name)]
    if wkhtmltopdf_state in ("install", "broken"):
        missing.insert(0, "wkhtmltopdf")
    return missing


def normalized(text):
    """The text as a person searches it: Arabic presentation forms (the shaped letters a
    PDF stores) folded to the letters (NFKC), ۀ written as ه with hamza above."""
    return unicodedata.normalize("NFKC", text).replace("\u06c0", "\u0647\u0654")


# pdftotext puts the spaces and punctuation between a right-to-left word and a number or
# a Latin word on the wrong side of the space (`25 دستگاه` reads ` 25دستگاه`, `موضوع:`
# reads `موضوع :`), as it reorders the runs of a line; phrases are compared without them.
LOOSE = re.compile(r"[\s:.,،؛()]+")


def _loose(text):
    return LOOSE.sub("", normalized(text))


def _run(args, data):
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(data)
        out = subprocess.run([*args, str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


BIDI_CONTROLS = dict.fromkeys(range(0x202A, 0x202F))


def pdf_text(data):
    """The text of the whole PDF as pdftotext extracts it (reading order), without the
    bidirectional embedding marks pdftotext adds around right-to-left lines."""
    return _run(["pdftotext", "-enc", "UTF-8"], data).translate(BIDI_CONTROLS)


def pdf_pages(data):
    """Per page: (width, height, [(x_min, y_min, x_max, y_max, word)]) in points, from
    pdftotext -bbox."""
    xhtml = _run(["pdftotext", "-bbox", "-enc", "UTF-8"], data)
    root = ElementTree.fromstring(xhtml)
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        words = [(float(word.get("xMin")), float(word.get("yMin")), float(word.get("xMax")),
                  float(word.get("yMax")), word.text or "")
                 for word in page.iter("{http://www.w3.org/1999/xhtml}word")]
        pages.append((float(page.get("width")), float(page.get("height")), words))
    return pages


def words_outside(data, margins_mm):
    """The words that lie outside the printable area: margins_mm is (top, right, bottom,
    left); a word may reach 1 mm into the margin (glyph overhangs)."""
    top, right, bottom, left = (margin * MM - MM for margin in margins_mm)
    outside = []
    for number, (width, height, words) in enumerate(pdf_pages(data), start=1):
        for x_min, y_min, x_max, y_max, word in words:
            if x_min < left or y_min < top or x_max > width - right or y_max > height - bottom:
                outside.append((number, word, round(x_min), round(y_min), round(x_max),
                                round(y_max)))
    return outside


def save_first_page(data, name):
    """docs/screenshots/<name>.png: the first page at 80 dpi."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", "1", "-l", "1",
                        str(pdf), str(SCREENSHOTS / name)], check=True)
    return SCREENSHOTS / f"{name}.png"


def render_pdf(case, report_ref, res_ids, data=None):
    """The report as a real PDF, rendered by the server; the test is skipped, with the
    reason, when this machine lacks wkhtmltopdf or Poppler."""
    missing = missing_tools()
    if missing:
        case.skipTest(f"{', '.join(missing)} not installed: PDF reports are not checked")
    content, kind = case.env["ir.actions.report"].with_context(
        force_report_rendering=True)._render_qweb_pdf(report_ref, res_ids, data=data)
    case.assertEqual(kind, "pdf")
    case.assertTrue(content.startswith(b"%PDF"))
    return content


def assert_words_inside(case, data, margins_mm):
    outside = words_outside(data, margins_mm)
    case.assertFalse(outside, f"words outside the page margins {margins_mm} mm "
                              "(page, word, x_min, y_min, x_max, y_max)")


def assert_searchable(case, data, *phrases):
    """Each phrase, as a person types it, zero-width non-joiners included, is in the PDF's
    text: its letters, digits and non-joiners in this order (see LOOSE)."""
    text = _loose(pdf_text(data))
    for phrase in phrases:
        with case.subTest(phrase=phrase):
            case.assertIn(_loose(phrase), text, f"{phrase!r} not in the PDF's text")


def assert_non_joiner_kept(case, data, before, after):
    """The letters on the two sides of a zero-width non-joiner are printed unjoined:
    `before` ends in its final (or isolated) form and `after` starts in its initial (or
    isolated) form, as pdftotext reads their shapes, with U+200C between them."""
    raw = pdf_text(data)
    ends = {unicodedata.lookup(name) for name in _forms(before[-1], ("FINAL", "ISOLATED"))}
    ends.add(before[-1])
    starts = {unicodedata.lookup(name) for name in _forms(after[0], ("INITIAL", "ISOLATED"))}
    starts.add(after[0])
    pattern = f"[{''.join(sorted(ends))}]\u200c[{''.join(sorted(starts))}]"
    case.assertRegex(raw, pattern, f"{before}\u200c{after} printed joined or without U+200C")


def assert_reader_calendar(case, data, jalali_dates, gregorian_year):
    """The dates are the Jalali ones given, and no Gregorian year is printed."""
    text = _loose(pdf_text(data))
    for date in jalali_dates:
        case.assertRegex(date, JALALI_YEAR)
        case.assertIn(_loose(date), text, f"date {date!r} not in the PDF's text")
    case.assertNotIn(str(gregorian_year), text)


def assert_left_to_right(case, data, words):
    """The words (each as pdftotext -bbox reads it, e.g. the groups of a phone number)
    lie on one line from left to right, as a left-to-right value inside a right-to-left
    line must."""
    boxes = {}
    for _width, _height, page_words in pdf_pages(data)[:1]:
        for x_min, y_min, _x_max, _y_max, word in page_words:
            boxes.setdefault(word, (x_min, y_min))
    missing = [word for word in words if word not in boxes]
    case.assertFalse(missing, f"words not on the first page: {missing}")
    xs = [boxes[word][0] for word in words]
    case.assertEqual(xs, sorted(xs), f"{' '.join(words)} printed out of order")
    case.assertEqual(len({round(boxes[word][1]) for word in words}), 1, "not on one line")


class PdfReportCase:
    """The checks as methods of an HttpCase (wkhtmltopdf loads the report's styles from
    the test server)."""

    render_pdf = render_pdf
    assertWordsInside = assert_words_inside
    assertSearchable = assert_searchable
    assertNonJoinerKept = assert_non_joiner_kept
    assertReaderCalendar = assert_reader_calendar
    assertLeftToRight = assert_left_to_right


class PersianPdfCase(PdfReportCase):
    """PdfReportCase printing as a Persian reader of the Jalali calendar, the administrator
    (`cls.reader`), with the Persian terms of `pdf_module`; skipped without parand_crm.
    Put it first among the bases of the HttpCase."""

    pdf_module = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("parand_crm").state != "installed":
            raise SkipTest("parand_crm is not installed: it brings the Jalali calendar the "
                           "PDF is checked in")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms([cls.pdf_module], ["fa_IR"])
        cls.reader = cls.env.ref("base.user_admin")
        cls.reader.write({"lang": "fa_IR", "tz": "Asia/Tehran", "date_calendar": "jalali"})

    def render_pdf_as_reader(self, report_ref, res_ids):
        self.env = self.env(user=self.reader, context=dict(self.env.context, lang="fa_IR"))
        return self.render_pdf(report_ref, res_ids)


def _forms(letter, positions):
    """The Unicode names of a letter's presentation forms in the given positions."""
    base = unicodedata.name(letter)
    names = []
    for position in positions:
        name = f"{base} {position} FORM"
        try:
            unicodedata.lookup(name)
        except KeyError:
            continue
        names.append(name)
    if not names:
        raise ValueError(f"no presentation form for {letter!r}")
    return names
