"""Persian for the other modules' terms on the screens parand_crm covers.

Odoo's own Persian translation leaves many terms of crm, mail, web and portal in English.
parand_crm ships them in ``i18n_extra/<module>.<lang>.po`` (see tools/screen_terms.py for
the screens). Odoo reads a module's ``i18n_extra`` for that module only, so:

- the database terms (views, actions, menus) of such a file are loaded here, after the
  module's own files, whenever Odoo loads the terms of that module or of parand_crm
  (install, update, Settings › Languages › Load a Translation);
- the code terms (Python ``_()`` and the web client's ``_t``), which Odoo reads from the
  files at run time, are added by code_translations.py.

Where Odoo's own file holds the English source as its "translation", Odoo writes it again
over the overlay each time it loads the language with overwrite (``load_language`` in the
configuration, at every server start, runs before parand_crm is loaded). Such entries are
marked ``# replaces-odoo-copy`` in the overlay and put back when the registry is ready, if
they were overwritten.
"""

import logging

import polib

from odoo import api, models
from odoo.modules.module import get_module_path
from odoo.tools.translate import TranslationImporter

from ..tools.screen_terms import parse_record_occurrence
from .code_translations import overlay_po_paths

COPY_MARK = "replaces-odoo-copy"

_logger = logging.getLogger(__name__)


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        res = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module)
        if "parand_crm" in modules:
            # parand_crm itself is (re)loaded: every module it translates that is installed
            targets = self.search([("state", "in", ("installed", "to upgrade", "to install"))])
            targets = set(targets.mapped("name"))
        else:
            targets = set(modules)
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for module_name in sorted(targets):
            if not get_module_path(module_name):
                continue
            for lang in langs:
                for po_path in overlay_po_paths(module_name, lang):
                    _logger.info("module %s: loading parand_crm's Persian overlay %s",
                                 module_name, po_path)
                    importer.load_file(po_path, lang)
                    loaded = True
        if loaded:
            importer.save(overwrite=overwrite)
        return res

    def _register_hook(self):
        super()._register_hook()
        self._restore_overlay_over_english_copies()

    def _restore_overlay_over_english_copies(self):
        """Put back the marked overlay terms that Odoo overwrote with its English copy."""
        langs = [code for code, _name in self.env["res.lang"].get_installed()
                 if code != "en_US"]
        if not langs:
            return
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        installed = self.search([("state", "=", "installed")]).mapped("name")
        for module_name in installed:
            for lang in langs:
                for po_path in overlay_po_paths(module_name, lang):
                    stale = self._overwritten_copies(po_path, lang)
                    if stale:
                        _logger.info("module %s: restoring parand_crm's Persian terms of %s",
                                     module_name, ", ".join(sorted(stale)))
                        importer.load_file(po_path, lang, xmlids=stale)
                        loaded = True
        if loaded:
            importer.save(overwrite=True)

    def _overwritten_copies(self, po_path, lang):
        """XML ids of the records whose marked term reads in English again."""
        with open(po_path, encoding="utf-8") as po_file:
            text = po_file.read()
        if COPY_MARK not in text:
            return set()
        stale = set()
        for entry in polib.pofile(text):
            if COPY_MARK not in (entry.tcomment or ""):
                continue
            for occurrence, _line in entry.occurrences:
                if not occurrence.startswith(("model:", "model_terms:")):
                    continue
                model, field_name, xmlid = parse_record_occurrence(occurrence)
                record = self.env.ref(xmlid, raise_if_not_found=False)
                if record is None or record._name != model:
                    continue
                value = record.with_context(lang=lang)[field_name] or ""
                if occurrence.startswith("model_terms:"):
                    english = entry.msgid in record._fields[field_name].get_trans_terms(value)
                else:
                    english = value == record.with_context(lang="en_US")[field_name]
                if english:
                    stale.add(xmlid)
        return stale
