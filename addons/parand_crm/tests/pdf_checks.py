# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of printed reports on paper, shared by the PDF tests of the three addons.

A report is rendered through the server into a real PDF (wkhtmltopdf; Odoo's test mode
renders HTML unless `force_report_rendering` is in the context), then read back as a reader
would with Poppler: `pdftotext` for the text (searchable, copyable), `pdftotext -bbox` for
where each word lies on the page, `pdftoppm` for a PNG of the first page in
docs/screenshots/. Nothing here imports parand_crm's models: crm_feedback and crm_campaigns
import this module only when parand_crm is installed (it ships the font their Persian
pages are checked in).
"""

import re
import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path
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
    PDF stores) folded to the letters, NFKC."""
    return unicodedata.normalize("NFKC", text)


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


class PdfReportCase:
    """Mixed into an HttpCase (wkhtmltopdf loads the report's styles from the test server)."""

    def render_pdf(self, report_ref, res_ids, data=None):
        missing = missing_tools()
        if missing:
            self.skipTest(f"{', '.join(missing)} not installed: PDF reports are not checked")
        content, kind = self.env["ir.actions.report"].with_context(
            force_report_rendering=True)._render_qweb_pdf(report_ref, res_ids, data=data)
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        return content

    def assertWordsInside(self, data, margins_mm):
        outside = words_outside(data, margins_mm)
        self.assertFalse(outside, f"words outside the page margins {margins_mm} mm "
                                  "(page, word, x_min, y_min, x_max, y_max)")

    def assertSearchable(self, data, *phrases):
        """Each phrase is found in the PDF's text as a person types it (shaped letters
        folded; the zero-width non-joiner kept or, where wkhtmltopdf drops it, absent)."""
        text = normalized(pdf_text(data))
        flat = text.replace("\u200c", "")
        for phrase in phrases:
            with self.subTest(phrase=phrase):
                self.assertTrue(phrase in text or phrase.replace("\u200c", "") in flat,
                                f"{phrase!r} not in the PDF's text:\n{text}")

    def assertNonJoinerKept(self, data, before, after):
        """The letters on the two sides of a zero-width non-joiner are printed unjoined:
        `before` ends in its final (or isolated) form and `after` starts in its initial
        (or isolated) form, as pdftotext reads their shapes."""
        raw = pdf_text(data)
        ends = {unicodedata.lookup(name) for name in _forms(before[-1], ("FINAL", "ISOLATED"))}
        starts = {unicodedata.lookup(name) for name in _forms(after[0], ("INITIAL", "ISOLATED"))}
        pattern = f"[{''.join(ends)}]\u200c?[{''.join(starts)}]"
        self.assertRegex(raw, pattern, f"{before}\u200c{after} printed joined")


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
