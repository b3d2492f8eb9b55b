"""The code terms (Python ``_()``, the web client's ``_t``) of parand_crm's overlay.

Odoo reads code translations from the module's own po files, at run time and for the
whole server process (odoo.tools.translate.code_translations, no database involved). The
overlay files of parand_crm (``i18n_extra/<module>.<lang>.po``) are added after them here,
so that ``/web/webclient/translations`` and ``_()`` give Persian for the terms Odoo leaves
in English. Existing Odoo translations are kept: the overlay only fills what is empty (or a
copy of the English source).
"""

from os.path import dirname, isfile, join

from odoo.tools.translate import CodeTranslations, code_translations

OVERLAY_DIR = join(dirname(dirname(__file__)), "i18n_extra")


def overlay_po_paths(module_name, lang):
    """The overlay files of ``module_name`` for ``lang`` (base language first: fa, fa_IR)."""
    names = dict.fromkeys([lang.split("_")[0], lang])
    for name in names:
        path = join(OVERLAY_DIR, f"{module_name}.{name}.po")
        if isfile(path):
            yield path


_odoo_get_code_translations = CodeTranslations._get_code_translations


def _get_code_translations(module_name, lang, filter_func):
    translations = _odoo_get_code_translations(module_name, lang, filter_func)
    for po_path in overlay_po_paths(module_name, lang):
        with open(po_path, "rb") as fileobj:
            overlay = CodeTranslations._read_code_translations_file(fileobj, filter_func)
        for src, value in overlay.items():
            # Odoo's Persian file sometimes holds the English source as its "translation"
            if translations.get(src, src) == src:
                translations[src] = value
    return translations


def _install():
    if getattr(CodeTranslations._get_code_translations, "_parand_overlay", False):
        return
    _get_code_translations._parand_overlay = True
    CodeTranslations._get_code_translations = staticmethod(_get_code_translations)
    # terms already read by this process before parand_crm was imported are read again
    code_translations.python_translations.clear()
    code_translations.web_translations.clear()


_install()
