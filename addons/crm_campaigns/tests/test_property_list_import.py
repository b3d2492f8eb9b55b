"""Property tests (hypothesis) of the list import's file reading, header mapping and row checks.

Whatever the file holds, the import answers rows or an ImportFileError (a ValueError) that
says why the file cannot be read; every data row gets exactly one verdict, accepted rows are
clean and unique by email and phone. Each property checks CASES generated cases, drawn in
batches of BATCH (one hypothesis example is a list of BATCH values: a tenth of hypothesis'
per-example overhead, and a failing batch still shrinks to the case that fails). No database.
"""

import csv
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from odoo.addons.parand_base.tests.property import BATCH, CASES, PROPERTY, batch
from odoo.addons.parand_base.tools.mail import email_address
from odoo.tests import BaseCase, tagged

from ..tools import list_import as li

# Files hold 1 to 6 data rows (3.5 on average): a case is a row, CASES rows in all.
FILE_PROPERTY = settings(PROPERTY, max_examples=CASES // (BATCH * 3))
REASONS = {li.MISSING_NAME, li.MISSING_CONTACT, li.INVALID_EMAIL, li.INVALID_PHONE,
           li.INVALID_NATIONAL_CODE, li.DUPLICATE}
ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})



def national_code_error(value):
    return None if re.fullmatch(r"[0-9]{10}", value) else "a national code has 10 digits"


def _typed_aliases(column):
    """A known header as spreadsheets write it: any case, padding, '_' or '-' for spaces,
    a ':' or '*' after it, Arabic letters for Persian ones (precomputed: one draw a cell)."""
    variants = []
    for alias in li.HEADER_ALIASES[column]:
        for space in (" ", "  ", "_", "-"):
            for case in (str, str.upper, str.title):
                for letters in (None, ARABIC):
                    text = case(alias.replace(" ", space))
                    text = text.translate(letters) if letters else text
                    variants += [f"{pad}{text}{end}" for pad, end in
                                 (("", ""), (" ", ":"), ("\t", " *"), ("", ": "))]
    return variants


TYPED_ALIASES = {column: _typed_aliases(column) for column in li.COLUMNS}


# Header cells no alias can become: digits, '#', None and numbers as XLSX cells give them.
noise_cells = st.one_of(st.text(alphabet="0123456789#", max_size=4), st.none(),
                        st.integers(-10**6, 10**6), st.floats(allow_nan=False))


@st.composite
def headers(draw):
    cells = []
    expected = {}
    for _ in range(draw(st.integers(0, 8))):
        column = draw(st.sampled_from((*li.COLUMNS, None)))
        if column is None:
            cells.append(draw(noise_cells))
            continue
        expected.setdefault(column, len(cells))
        cells.append(draw(st.sampled_from(TYPED_ALIASES[column])))
    return cells, expected


NAMES = ["Ali", " علي  رضایی ", "Sara", "", None, "ــ", 12.0, "کاظمي"]
EMAILS = ["ali@example.com", "ALI@Example.com ", "sara@example.ir", "bad@", "", None,
          "%@%.%", "x@y.z"]
PHONES = ["0912 345 6789", "+98 912 345 6789", "۰۹۱۲۳۴۵۶۷۸۹", "021-8888 7777", "12ab", "123",
          "", None, 9123456780, "00989123456789", "٠٢١٨٨٨٨٧٧٧٧"]
cell = st.one_of(st.sampled_from(NAMES + EMAILS + PHONES), st.text(max_size=10),
                 st.integers(-10**12, 10**12), st.floats(allow_nan=False), st.none())


@st.composite
def files(draw):
    header = ["name", draw(st.sampled_from(["email", "phone"]))]
    header += draw(st.lists(st.sampled_from(["email", "phone", "company", "national code"]),
                            max_size=3, unique=True))
    header = draw(st.permutations(header))
    pools = {"name": NAMES, "email": EMAILS, "phone": PHONES, "company": NAMES,
             "national code": ["0499370899", "123", "", None, "۰۴۹۹۳۷۰۸۹۹"]}
    rows = [header]
    for _ in range(draw(st.integers(1, 6))):
        row = [draw(st.one_of(st.sampled_from(pools[column]), cell)) for column in header]
        rows.append(row[:draw(st.integers(0, len(row)))] if draw(st.booleans()) else row)
    return rows


@tagged("property")
class TestListImportProperties(BaseCase):

    @PROPERTY
    @given(batch(headers()))
    def test_header_mapping(self, cases):
        for header, expected in cases:
            usable = "name" in expected and {"email", "phone"} & expected.keys()
            try:
                mapping = li.map_columns(header)
            except li.ImportFileError:
                self.assertFalse(usable, header)
                continue
            self.assertTrue(usable, header)
            self.assertEqual(mapping, expected, header)

    # Robustness on any text: a tenth of the cases (the mapping itself is checked above).
    @settings(PROPERTY, max_examples=CASES // BATCH // 10)
    @given(batch(st.lists(st.one_of(st.text(max_size=12), noise_cells), max_size=6)))
    def test_any_header_is_mapped_or_refused(self, cases):
        for header in cases:
            try:
                mapping = li.map_columns(header)
            except li.ImportFileError as error:
                self.assertIsInstance(error, ValueError)
                continue
            self.assertLessEqual(mapping.keys(), set(li.COLUMNS))
            self.assertTrue(all(0 <= index < len(header) for index in mapping.values()))

    @FILE_PROPERTY
    @given(batch(files(), st.booleans()))
    def test_every_row_gets_one_verdict(self, cases):
        for rows, with_codes in cases:
            checked = li.check_rows(rows, national_code_error if with_codes else None)
            self.assertEqual([c["row"] for c in checked], list(range(2, len(rows) + 1)))
            accepted = {}
            for result in checked:
                values, error = result["values"], result["error"]
                self.assertEqual(set(values), set(li.COLUMNS))
                for text in values.values():
                    self.assertEqual(li.normalize_text(text), text, rows)
                    self.assertFalse(set(text) & set("يك\u200c۰۱۲۳۴۵۶۷۸۹"), rows)
                if not with_codes:
                    self.assertEqual(values["national_code"], "")
                if error is None:
                    self.assertTrue(values["name"], rows)
                    self.assertTrue(values["email"] or values["phone"], rows)
                    if values["email"]:
                        self.assertTrue(email_address(values["email"]), rows)
                        self.assertEqual(values["email"], values["email"].lower())
                    if values["phone"]:
                        self.assertRegex(result["phone_key"], r"^[0-9]{8,10}\Z")
                    for ident in (("email", values["email"]), ("phone", result["phone_key"])):
                        if ident[1]:
                            self.assertNotIn(ident, accepted, rows)
                            accepted[ident] = result["row"]
                else:
                    self.assertIn(error, REASONS)
                if error == li.DUPLICATE:
                    earlier = result["error_arg"]
                    self.assertIn(earlier, accepted.values(), rows)
                    self.assertLess(earlier, result["row"])

    @PROPERTY
    @given(batch(st.sampled_from(["0", "+98", "0098", "98", "+98 ", "(0098) "]),
                 st.text(alphabet="0123456789", min_size=10, max_size=10),
                 st.sampled_from(["0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩"]),
                 st.sampled_from(["", " ", "-", ".", "/"])))
    def test_phone_key_of_typed_numbers(self, cases):
        for prefix, number, script, separator in cases:
            text = number.translate(str.maketrans("0123456789", script))
            typed = prefix + separator.join([text[:3], text[3:6], text[6:]])
            self.assertEqual(li.phone_key(typed), number, typed)

    @PROPERTY
    @given(batch(st.one_of(cell, st.text(alphabet="0123456789٠٣۴０５ +-()./x", max_size=18))))
    def test_phone_key_any_cell(self, cases):
        for value in cases:
            key = li.phone_key(value)
            if key is not None:
                # The key is what duplicates are found by: ASCII digits only.
                self.assertRegex(key, r"^[0-9]{8,10}\Z", repr(value))
                self.assertEqual(li.phone_key(key), key if len(key) >= 8 else None)

    @FILE_PROPERTY
    @given(batch(st.lists(st.lists(st.text(
        alphabet="abcxyzعلیرضا0123456789۰۱۲ @.-_", min_size=1, max_size=8), min_size=3,
        max_size=3), min_size=2, max_size=5), st.sampled_from([",", ";", "\t"])))
    def test_csv_round_trip(self, cases):
        for rows, delimiter in cases:
            out = io.StringIO()
            csv.writer(out, delimiter=delimiter).writerows(rows)
            expected = [[c.strip() for c in row] for row in rows if any(c.strip() for c in row)]
            read = li.read_rows(("\ufeff" + out.getvalue()).encode(), "contacts.csv")
            # Cells are compared stripped: the sniffer may skip the spaces after a delimiter,
            # and the import strips every cell anyway.
            self.assertEqual([[c.strip() for c in row] for row in read], expected,
                             (delimiter, rows))

    @PROPERTY
    @given(batch(st.binary(max_size=64), st.sampled_from(
        ["list.csv", "list.txt", "list.xlsx", "list.pdf", "", None])))
    def test_any_file_is_read_or_refused(self, cases):
        for content, filename in cases:
            try:
                rows = li.read_rows(content, filename)
            except li.ImportFileError:
                continue
            self.assertIsInstance(rows, list)
