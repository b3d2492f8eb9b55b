"""Every addon ships a current .pot and a Persian fa.po that translates all of it.

The terms are exported from the test database, as `make i18n` does, so a string added in
Python, XML or JS without its translation fails here.
"""

import io

import polib
import pytest

import odoo
import parand_env as pe
from odoo.tests.common import get_db_name
from odoo.tools.translate import trans_export


def exported_terms(addon):
    registry = odoo.modules.registry.Registry(get_db_name())
    with registry.cursor() as cr:
        cr.execute("SELECT state FROM ir_module_module WHERE name = %s", (addon,))
        if cr.fetchone() != ("installed",):
            pytest.skip(f"{addon} is not installed in the test database")
        buffer = io.BytesIO()
        trans_export(None, [addon], buffer, "po", cr)
    return {entry.msgid for entry in polib.pofile(buffer.getvalue().decode("utf-8"))}


@pytest.mark.parametrize("addon", pe.ADDONS)
def test_pot_is_current_and_fa_po_complete(addon):
    terms = exported_terms(addon)
    i18n = pe.ADDONS_DIR / addon / "i18n"
    pot = {entry.msgid for entry in polib.pofile(str(i18n / f"{addon}.pot"))}
    assert not terms - pot, f"{addon}.pot lacks (run make i18n): {sorted(terms - pot)[:20]}"
    assert not pot - terms, f"{addon}.pot has stale (run make i18n): {sorted(pot - terms)[:20]}"

    fa_po = polib.pofile(str(i18n / "fa.po"))
    translated = {entry.msgid for entry in fa_po.translated_entries()}
    missing = sorted(terms - translated)
    assert not missing, f"{addon}/i18n/fa.po leaves {len(missing)} untranslated: {missing[:20]}"
