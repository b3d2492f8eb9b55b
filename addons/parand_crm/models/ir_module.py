"""Persian for the other modules' terms on the screens parand_crm covers.

Odoo's own Persian translation leaves many terms of crm, mail, web and portal in English.
parand_crm ships them in ``i18n_extra/<module>.<lang>.po`` (see tools/screen_terms.py for
the screens). Odoo reads a module's ``i18n_extra`` for that module only, so:

- the database terms (views, actions, menus) of such a file are loaded here, after the
  module's own files, whenever Odoo loads the terms of that module or of parand_crm
  (install, update, Settings › Languages › Load a Translation);
- the code terms (Python ``_()`` and the web client's ``_t``), which Odoo reads from the
  files at run time, are added by code_translations.py.
"""

import logging

from odoo import api, models
from odoo.modules.module import get_module_path
from odoo.tools.translate import TranslationImporter

from .code_translations import overlay_po_paths

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
