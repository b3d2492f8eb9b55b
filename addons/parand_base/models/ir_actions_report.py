# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import hashlib
import os
import tempfile
from pathlib import Path

from odoo import api, models
from odoo.tools.misc import file_path

from ..tools import report_text

FONTCONFIG_TEMPLATE = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<!-- Written by parand_base for wkhtmltopdf: the machine's fonts, and Vazirmatn. -->
<fontconfig>
  <include ignore_missing="yes">{base}</include>
  <dir>{fonts}</dir>
</fontconfig>
"""
FONTCONFIG_PREFIX = "parand_base_fonts_"


def _fontconfig_file():
    """A fontconfig file that adds parand_base's fonts to the machine's (or to those of the
    FONTCONFIG_FILE already set), written once in the temporary folder."""
    fonts = file_path("parand_base/static/fonts")
    base = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    content = FONTCONFIG_TEMPLATE.format(base=base, fonts=fonts)
    digest = hashlib.sha1(content.encode()).hexdigest()[:12]
    path = Path(tempfile.gettempdir()) / f"{FONTCONFIG_PREFIX}{digest}.conf"
    if not path.exists():
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(content, "utf-8")
        tmp.replace(path)
    return str(path)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _run_wkhtmltopdf(self, bodies, report_ref=False, header=None, footer=None, *args,
                         **kwargs):
        """Persian pages as wkhtmltopdf draws them right (see tools/report_text.py), in
        Vazirmatn found through fontconfig, so that their text stays searchable; documents
        without right-to-left text are printed unchanged."""
        # wkhtmltopdf is started by Odoo with this process's environment: the variable
        # stays set (it only adds a folder of fonts to the machine's), so that concurrent
        # reports never see it half restored.
        if not os.environ.get("FONTCONFIG_FILE", "").startswith(
                str(Path(tempfile.gettempdir()) / FONTCONFIG_PREFIX)):
            os.environ["FONTCONFIG_FILE"] = _fontconfig_file()
        bodies = [report_text.isolate_runs(body) for body in bodies]
        header = header and report_text.isolate_runs(header)
        footer = footer and report_text.isolate_runs(footer)
        return super()._run_wkhtmltopdf(bodies, report_ref, header, footer, *args, **kwargs)
