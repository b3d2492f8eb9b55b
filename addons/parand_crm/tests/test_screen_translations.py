from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools import file_path
from odoo.tools.translate import code_translations

from ..tools.screen_terms import SCREENS, parse_record_occurrence, screen_terms

LANG = "fa_IR"
# Terms that read the same in Persian: operators and keys written in Latin letters.
SAME_IN_PERSIAN = {"=like", "=ilike", "Esc", "{{ relatedFieldName }}..."}


@tagged("post_install", "-at_install")
class TestScreenTranslations(TransactionCase):
    """Every Odoo term of the screens parand_crm covers reads in Persian."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get(LANG):
            cls.skipTest(cls, "Persian is not loaded in this database")

    def _untranslated(self, module):
        pot = file_path(f"{module}/i18n/{module}.pot")
        web = {message["id"]: message["string"]
               for message in code_translations.get_web_translations(module, LANG)["messages"]}
        python = code_translations.get_python_translations(module, LANG)
        missing = []
        for term in screen_terms(pot, SCREENS[module]):
            msgid, kind = term["msgid"], term["kind"]
            if kind in ("js", "python"):
                value = (web if kind == "js" else python).get(msgid)
                # Odoo's Persian file sometimes holds a copy of the English source
                if not value or (value == msgid and msgid not in SAME_IN_PERSIAN):
                    missing.append((module, kind, msgid))
            else:
                for occurrence in term["occurrences"]:
                    if not self._record_term_translated(kind, occurrence, msgid):
                        missing.append((module, occurrence, msgid))
        return missing

    def _record_term_translated(self, kind, occurrence, msgid):
        model, field_name, xmlid = parse_record_occurrence(occurrence)
        record = self.env.ref(xmlid, raise_if_not_found=False)
        if record is None or record._name != model:
            return True  # the record of an uninstalled part: not on the user's screens
        field = record._fields[field_name]
        source = record.with_context(lang="en_US")[field_name]
        persian = record.with_context(lang=LANG)[field_name]
        if kind == "model":
            return bool(persian) and persian != source
        if msgid not in field.get_trans_terms(source):
            return True  # the .pot is older than the record: the term is not shown
        return msgid not in field.get_trans_terms(persian)

    def test_no_english_left_on_the_covered_screens(self):
        missing = []
        for module in SCREENS:
            if get_module_path(module) and self.env["ir.module.module"].search_count(
                    [("name", "=", module), ("state", "=", "installed")]):
                missing += self._untranslated(module)
        self.assertEqual(missing, [],
                         f"{len(missing)} terms of the CRM screens are left in English")

    def test_the_terms_the_persian_salesperson_reported(self):
        web = {message["id"]: message["string"]
               for message in code_translations.get_web_translations("web", LANG)["messages"]}
        self.assertEqual(web["Include archived"], "با بایگانی‌شده‌ها")
        self.assertEqual(web["Sum"], "جمع")
        mail = {message["id"]: message["string"]
                for message in code_translations.get_web_translations("mail", LANG)["messages"]}
        self.assertEqual(mail["View all activities"], "دیدن همهٔ فعالیت‌ها")
        self.assertEqual(
            code_translations.get_python_translations("crm", LANG)["No Meeting"], "بدون جلسه")
        action = self.env.ref("crm.crm_activity_report_action").with_context(lang=LANG)
        self.assertIn("بیایید کار را شروع کنیم!", action.help)
        if self.env.ref("crm_iap_mine.crm_iap_lead_mining_request_action",
                        raise_if_not_found=False):
            self.assertEqual(self.env.ref("crm_iap_mine.crm_iap_lead_mining_request_action")
                             .with_context(lang=LANG).name, "درخواست‌های استخراج سرنخ")

    def test_loading_a_module_terms_again_keeps_the_overlay(self):
        """Updating crm or Load a Translation reloads crm's own file, then the overlay."""
        action = self.env.ref("crm.crm_activity_report_action")
        action.with_context(lang=LANG).help = action.with_context(lang="en_US").help
        self.assertNotIn("بیایید", action.with_context(lang=LANG).help)
        self.env["ir.module.module"]._load_module_terms(["crm"], [LANG], overwrite=True)
        action.invalidate_recordset()
        self.assertIn("بیایید کار را شروع کنیم!", action.with_context(lang=LANG).help)
