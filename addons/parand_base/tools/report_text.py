# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Persian text in a form that wkhtmltopdf lays out and shapes correctly.

Debian's wkhtmltopdf is built on Qt 5 WebKit without wkhtmltopdf's Qt patches. It draws a
right-to-left text node wrongly as soon as the node holds more than one bidirectional run
(a Persian word next to digits, a Latin word or punctuation) or has to be broken over
lines: the runs are shifted right by their own width, so the text leaves the page at its
right edge. It also replaces the zero-width non-joiner (U+200C) with a zero-width space,
which joins the letters the writer kept apart (شکایت‌ها printed as شکایتها).

Both defects are avoided when every word, number, punctuation mark and non-joiner is a text
node of its own: each node is then one run, shaped alone, and the line breaks between
nodes. The non-joiner is written as a character the report font draws and PDF readers
read back as U+200C (see PDF_NON_JOINER). `isolate_runs` rewrites the text of an HTML
document so; left-to-right phrases (Latin words, numbers, references such as
CMP/1405/00003) become one `dir="ltr"` span each, so that they keep their order inside a
right-to-left line. The page looks the same in a browser.
"""

import re
import unicodedata

import lxml.html

from .persian import to_persian_digits

ZWNJ = "\u200c"
# The report font (static/fonts/vazirmatn, see scripts/derive_report_font.py) draws this
# private-use character as the non-joiner's empty glyph, and a PDF's text reads it back as
# U+200C: wkhtmltopdf draws nothing for U+200C itself, so the PDF's text would lose it.
PDF_NON_JOINER = "\ue00c"
NON_JOINER_CLASS = "o_parand_zwnj"
SKIPPED_TAGS = {"script", "style", "head", "title", "textarea", "pre", "code"}
SPACES = re.compile(r"(\s+)")
# Figures (amounts, counts, rates) a report marks with this class are written in Persian
# digits for a reader who chose them; the report's other text stays as it was typed.
FIGURES_CLASS = "o_reader_figures"
# The separators between digits, as Persian writes them: 8,000.50 -> ۸٬۰۰۰٫۵۰.
FIGURE_SEPARATORS = re.compile(r"(?<=\d)[.,](?=\d)")
PERSIAN_SEPARATORS = {".": "\u066b", ",": "\u066c"}


def _kind(char):
    if char == ZWNJ:
        return "zwnj"
    bidi = unicodedata.bidirectional(char)
    if bidi in ("AL", "R"):
        return "rtl"
    if bidi == "NSM":
        return "mark"
    if bidi == "L":
        return "ltr"
    if bidi in ("EN", "AN"):
        return "num"
    return "neutral"


def _latin(text):
    return any(unicodedata.bidirectional(char) == "L" for char in text)


def has_rtl(text):
    return any(unicodedata.bidirectional(char) in ("AL", "R") for char in text or "")


def _chunk_tokens(chunk):
    """The tokens of a text without spaces."""
    result = []
    for index, char in enumerate(chunk):
        kind = _kind(char)
        last = result[-1] if result else None
        if kind == "mark" and last:
            last[1] += char
            continue
        kind = {"mark": "rtl", "num": "ltr"}.get(kind, kind)
        if last and last[0] == kind and kind in ("rtl", "ltr"):
            last[1] += char
        elif kind == "neutral" and last and last[0] == "ltr" and (
                unicodedata.bidirectional(char) == "ET"
                or (index + 1 < len(chunk) and _kind(chunk[index + 1]) in ("ltr", "num"))):
            # inside a left-to-right phrase: 1,000.00, 1405/09/12, CMP/1405/00003, 25%
            last[1] += char
        else:
            result.append([kind, char])
    return result


def tokens(text):
    """The text split into (kind, text) tokens: 'space', 'rtl' (a right-to-left word or
    part of one), 'zwnj', 'ltr' (a left-to-right phrase: Latin words and numbers, the
    spaces between Latin words included) and 'neutral' (one punctuation mark)."""
    result = []
    for chunk in SPACES.split(text):
        if chunk.isspace():
            result.append(["space", chunk])
        elif chunk:
            result.extend(_chunk_tokens(chunk))
    # A phrase of Latin words goes on over the spaces between them (numbers apart keep
    # the right-to-left order of the line).
    merged = []
    for token in result:
        if (token[0] == "ltr" and len(merged) >= 2 and merged[-1][0] == "space"
                and merged[-2][0] == "ltr" and _latin(token[1]) and _latin(merged[-2][1])):
            space = merged.pop()
            merged[-1][1] += space[1] + token[1]
        else:
            merged.append(token)
    return [tuple(token) for token in merged]


def _spans(text):
    """Elements (and the whitespace between them) for a text that holds Persian."""
    nodes = []
    for kind, value in tokens(text):
        if kind == "space":
            nodes.append(value)
            continue
        span = lxml.html.Element("span")
        span.text = value
        if kind == "ltr":
            span.set("dir", "ltr")
        elif kind == "zwnj":
            # Right to left: the private-use character is a left-to-right letter for the
            # bidirectional algorithm, which would split the word in a left-to-right line.
            span.text = PDF_NON_JOINER * len(value)
            span.set("class", NON_JOINER_CLASS)
            span.set("dir", "rtl")
        nodes.append(span)
    return nodes


def _insert(parent, position, nodes):
    """Put the nodes into parent at position; leading whitespace becomes the text or tail
    of what precedes."""
    previous = parent[position - 1] if position > 0 else None
    index = position
    for node in nodes:
        if isinstance(node, str):
            if previous is None:
                parent.text = (parent.text or "") + node
            else:
                previous.tail = (previous.tail or "") + node
            continue
        parent.insert(index, node)
        previous = node
        index += 1
    return index


def isolate_runs_in_tree(root):
    """Rewrite, in place, every text of the tree that holds right-to-left letters."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
            continue
        if any(ancestor.tag in SKIPPED_TAGS for ancestor in element.iterancestors()):
            continue
        if element.text and has_rtl(element.text) and not (
                len(element) == 0 and element.tag == "span" and len(tokens(element.text)) == 1):
            nodes = _spans(element.text)
            element.text = None
            _insert(element, 0, nodes)
        parent = element.getparent()
        if parent is not None and element.tail and has_rtl(element.tail):
            nodes = _spans(element.tail)
            element.tail = None
            _insert(parent, parent.index(element) + 1, nodes)
    return root


def persian_figures(text):
    """The numbers of a text in Persian digits and separators: 8,000.50 -> ۸٬۰۰۰٫۵۰."""
    return to_persian_digits(
        FIGURE_SEPARATORS.sub(lambda match: PERSIAN_SEPARATORS[match[0]], text))


def _html(root, html):
    """The tree serialized as the document `html` it was read from."""
    doctype = "<!DOCTYPE html>" if html.lstrip()[:9].upper() == "<!DOCTYPE" else None
    return lxml.html.tostring(root, encoding="unicode", method="html", doctype=doctype)


def persian_figures_in(html):
    """The HTML document with the text of its FIGURES_CLASS elements in Persian figures."""
    if FIGURES_CLASS not in html:
        return html
    root = lxml.html.document_fromstring(html)
    for element in root.find_class(FIGURES_CLASS):
        for node in element.iter():
            if node.text:
                node.text = persian_figures(node.text)
            if node is not element and node.tail:
                node.tail = persian_figures(node.tail)
    return _html(root, html)


def isolate_runs(html):
    """The HTML document with each Persian word, number, mark and non-joiner in a text
    node of its own (see the module's docstring); documents without right-to-left text
    are returned unchanged."""
    if not has_rtl(html):
        return html
    root = lxml.html.document_fromstring(html)
    isolate_runs_in_tree(root)
    return _html(root, html)
