#!/usr/bin/env python3
"""Derive parand_base's report font from Vazirmatn (SIL Open Font License 1.1).

    cd /tmp && npm pack vazirmatn && tar xzf vazirmatn-*.tgz
    pip install fonttools
    python3 scripts/derive_report_font.py /tmp/package

writes addons/parand_base/static/fonts/vazirmatn/VazirmatnParand-{Regular,Bold}.ttf and
copies the licence. Why a derived font: wkhtmltopdf (Qt 5) writes a PDF's text as the
characters the font's cmap gives for each glyph it draws, and draws nothing for the
zero-width non-joiner. So that the Persian text of a report can be searched and copied:

- the contextual alternates ('calt': longer teeth of ب ت پ ی before some letters) are
  switched off: their glyphs have no character, and were lost from the text;
- U+E00C (private use) shows the non-joiner's empty glyph: the reports write it where a
  text has U+200C (parand_base/tools/report_text.py) and the PDF's text reads back U+200C;
  the glyph is given a hair of width (1/200 em), without which pdftotext breaks the line
  at it when digits follow on the line;
- the family is renamed "Vazirmatn Parand", as the licence asks of a modified version and
  so that a machine's own Vazirmatn is never taken for it.
"""

import shutil
import sys
from pathlib import Path

from fontTools.ttLib import TTFont

FAMILY = "Vazirmatn Parand"
PUA_NON_JOINER = 0xE00C
TARGET = Path(__file__).resolve().parent.parent / "addons/parand_base/static/fonts/vazirmatn"


def derive(source, style):
    font = TTFont(source)
    for record in font["GSUB"].table.FeatureList.FeatureRecord:
        if record.FeatureTag == "calt":
            record.Feature.LookupListIndex = []
            record.Feature.LookupCount = 0
    glyph = font.getBestCmap()[0x200C]
    font["hmtx"][glyph] = (font["head"].unitsPerEm // 200, 0)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[PUA_NON_JOINER] = glyph
    names = font["name"]
    for record in names.names:
        text = record.toUnicode()
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 4:
            names.setName(f"{FAMILY} {style}", 4, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 6:
            names.setName(f"{FAMILY.replace(' ', '')}-{style}", 6, record.platformID,
                          record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(text.replace("Vazirmatn", FAMILY.replace(" ", "")), 3,
                          record.platformID, record.platEncID, record.langID)
    out = TARGET / f"{FAMILY.replace(' ', '')}-{style}.ttf"
    font.save(out)
    return out


def main(package):
    package = Path(package)
    TARGET.mkdir(parents=True, exist_ok=True)
    for style in ("Regular", "Bold"):
        print(derive(package / "fonts" / "ttf" / f"Vazirmatn-{style}.ttf", style))
    shutil.copy(package / "OFL.txt", TARGET / "OFL.txt")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/package")
