"""Reading and checking a file of contacts to import into a marketing list.

Plain functions, tested without a database: the file is read into rows, the headers
(English or Persian) are mapped to the columns the import knows, and every row is checked
on its own and against the rows above it. What needs the database (suppression, entries
already in the list, matching partners) is done by the import job.
"""

import csv
import io
import re
import zipfile

from odoo.addons.parand_base.tools.mail import email_address
from odoo.addons.parand_base.tools.persian import ARABIC_LETTERS, DIGITS_TO_ASCII, ZWNJ

# A cell's Persian letters and ASCII digits; a zero-width non-joiner reads as a space, so
# that a header or a name typed with or without it is the same.
_CELL = {**DIGITS_TO_ASCII, **ARABIC_LETTERS, **str.maketrans({ZWNJ: " "})}

COLUMNS = ("name", "email", "phone", "company", "national_code")
HEADER_ALIASES = {
    "name": ("name", "full name", "contact", "نام", "نام و نام خانوادگی", "نام کامل"),
    "email": ("email", "e-mail", "mail", "ایمیل", "پست الکترونیک", "رایانامه"),
    "phone": ("phone", "mobile", "telephone", "tel", "تلفن", "موبایل", "همراه",
              "تلفن همراه", "شماره تماس"),
    "company": ("company", "company name", "organization", "شرکت", "نام شرکت", "سازمان"),
    "national_code": ("national code", "national id code", "کد ملی"),
}
_ALIAS_TO_COLUMN = {alias: column for column, aliases in HEADER_ALIASES.items()
                    for alias in aliases}

# Reasons a row is rejected; the import job turns them into translated sentences.
MISSING_NAME = "missing_name"
MISSING_CONTACT = "missing_contact"
INVALID_EMAIL = "invalid_email"
INVALID_PHONE = "invalid_phone"
INVALID_NATIONAL_CODE = "invalid_national_code"
DUPLICATE = "duplicate"


# A spreadsheet has at most this many rows: a sheet whose rows claim more is not one.
XLSX_MAX_ROWS = 1048576
# Columns read to find the header row of a spreadsheet.
XLSX_HEADER_COLUMNS = 256

# Reasons a file is refused that name a limit.
TOO_MANY_ROWS = "the file has more rows than allowed"
TOO_BIG_UNPACKED = "the spreadsheet is larger than allowed once uncompressed"


class ImportFileError(ValueError):
    """The file cannot be imported at all (unreadable, no usable header, over a limit:
    `limit` then says which)."""

    def __init__(self, message, limit=None):
        super().__init__(message)
        self.limit = limit


def normalize_text(value):
    """A cell as text: Persian letters unified, ASCII digits, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).translate(_CELL).split())


def normalize_header(value):
    return normalize_text(value).lower().replace("_", " ").replace("-", " ").strip(" :*") \
        .replace("e mail", "email")


def normalize_email(value):
    return normalize_text(value).lower()


def phone_key(value):
    """The digits that identify a phone number whatever its format: the last ten.

    0912 345 6789, +98 912 345 6789 and 00989123456789 are the same Iranian mobile.
    None when the text is not a phone number (letters, too few or too many digits).
    """
    text = normalize_text(value)
    # ASCII digits only: `\d` would take fullwidth and other scripts' digits for them.
    if re.search(r"[^0-9\s()+\-./]", text):
        return None
    digits = re.sub(r"[^0-9]", "", text)
    if not 8 <= len(digits) <= 15:
        return None
    return digits[-10:]


def read_rows(content, filename, max_rows=None, max_unpacked=None):
    """The rows of a CSV or XLSX file as lists of cells, the header row first.

    `max_rows`: at most that many rows after the header, or ImportFileError. `max_unpacked`:
    an XLSX (a zip archive) whose members add up to more bytes than that once uncompressed
    is refused before it is opened.
    """
    if not content:
        raise ImportFileError("the file is empty")
    name = (filename or "").lower()
    if name.endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
        return _read_xlsx(content, max_rows, max_unpacked)
    if name and not name.endswith((".csv", ".txt")):
        raise ImportFileError("only CSV and XLSX files can be imported")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError("a CSV file must be encoded in UTF-8") from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            if any(cell.strip() for cell in row):
                rows.append(row)
                _check_row_count(rows, max_rows)
    except csv.Error as exc:
        raise ImportFileError("the file is not a valid CSV file") from exc
    return rows


def _check_row_count(rows, max_rows):
    if max_rows is not None and len(rows) > max_rows + 1:
        raise ImportFileError(TOO_MANY_ROWS, max_rows)


def _check_unpacked_size(content, max_unpacked):
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            # A zip member is never read beyond the size its header declares.
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError("the file is not a valid XLSX spreadsheet") from exc
    if max_unpacked is not None and unpacked > max_unpacked:
        raise ImportFileError(TOO_BIG_UNPACKED, max_unpacked)


def _xlsx_header(sheet):
    """(the first non-empty row, its number), or (None, 0) for an empty sheet."""
    for number, row in enumerate(
            sheet.iter_rows(values_only=True, max_col=XLSX_HEADER_COLUMNS), start=1):
        if number > XLSX_MAX_ROWS:
            break
        if any(cell not in (None, "") for cell in row):
            return list(row), number
    return None, 0


def _read_xlsx(content, max_rows=None, max_unpacked=None):
    # Imported here: openpyxl is only needed for spreadsheets.
    import openpyxl  # pylint: disable=import-outside-toplevel

    _check_unpacked_size(content, max_unpacked)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError("the file is not a valid XLSX spreadsheet") from exc
    try:
        sheet = workbook.worksheets[0]
        # The size the sheet declares (<dimension ref="A1:XFD100000"/>) is the file's
        # word, not its content: every row would be padded to it.
        sheet.reset_dimensions()
        header, header_row = _xlsx_header(sheet)
        if header is None:
            return []
        # Only the header's columns are read, whatever else the rows hold.
        while header[-1] in (None, ""):
            header.pop()
        rows = [header]
        for number, row in enumerate(
                sheet.iter_rows(min_row=header_row + 1, max_col=len(header),
                                values_only=True), start=header_row + 1):
            if number > XLSX_MAX_ROWS:
                raise ImportFileError("the file is not a valid XLSX spreadsheet")
            if any(cell not in (None, "") for cell in row):
                rows.append(list(row))
                _check_row_count(rows, max_rows)
        return rows
    except ImportFileError:
        raise
    except (KeyError, ValueError, TypeError) as exc:
        raise ImportFileError("the file is not a valid XLSX spreadsheet") from exc
    finally:
        workbook.close()


def map_columns(header):
    """{column: index in the row} for the known headers of the file's first row."""
    mapping = {}
    for index, cell in enumerate(header):
        column = _ALIAS_TO_COLUMN.get(normalize_header(cell))
        if column and column not in mapping:
            mapping[column] = index
    if "name" not in mapping or not {"email", "phone"} & mapping.keys():
        raise ImportFileError(
            "the first row must name the columns: a name column (name or نام) and an email "
            "(email or ایمیل) or phone column (phone, mobile, تلفن or موبایل)")
    return mapping


def check_rows(rows, national_code_error=None):
    """Every data row of `rows` (header first) checked, in file order.

    Returns a list of dicts: `row` (the row's number in the file, the header being row 1),
    `values` (name, email, phone, company, national_code, cleaned), `phone_key`, and
    `error`, `error_arg`: why the row is rejected (one of the reason constants, with the
    earlier row for a duplicate), or None. `national_code_error(value)` says why a national
    code is invalid; without it national codes are not read.
    """
    if not rows:
        raise ImportFileError("the file is empty")
    mapping = map_columns(rows[0])
    if national_code_error is None:
        mapping.pop("national_code", None)
    seen = {}
    checked = []
    for number, row in enumerate(rows[1:], start=2):
        values = {column: normalize_text(row[index]) if index < len(row) else ""
                  for column, index in mapping.items()}
        values = {column: values.get(column, "") for column in COLUMNS}
        values["email"] = values["email"].lower()
        key = phone_key(values["phone"]) if values["phone"] else None
        error, error_arg = _row_error(values, key, national_code_error)
        if not error:
            for ident in (("email", values["email"]), ("phone", key)):
                if ident[1] and ident in seen:
                    error, error_arg = DUPLICATE, seen[ident]
                    break
            else:
                for ident in (("email", values["email"]), ("phone", key)):
                    if ident[1]:
                        seen[ident] = number
        checked.append({"row": number, "values": values, "phone_key": key,
                        "error": error, "error_arg": error_arg})
    return checked


def _row_error(values, key, national_code_error):
    if not values["name"]:
        return MISSING_NAME, None
    if not values["email"] and not values["phone"]:
        return MISSING_CONTACT, None
    if values["email"] and not email_address(values["email"]):
        return INVALID_EMAIL, values["email"]
    if values["phone"] and not key:
        return INVALID_PHONE, values["phone"]
    if values["national_code"] and national_code_error(values["national_code"]):
        return INVALID_NATIONAL_CODE, values["national_code"]
    return None, None


# A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and
# carriage return, as the start of one after it trims them).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_cell(value):
    """`value` as a spreadsheet shows it as text: a quote before a formula's first sign.

    The file's own cells come back in the rejection CSV; opened in a spreadsheet,
    `=HYPERLINK(...)` or `@SUM(...)` would run (CSV formula injection).
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def rejections_csv(rejections):
    """A CSV (UTF-8 with BOM, so spreadsheets show Persian) of (row, name, contact, reason),
    text cells that a spreadsheet would run as formulas neutralized."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows([neutralize_cell(cell) for cell in row] for row in rejections)
    return ("\ufeff" + out.getvalue()).encode()
