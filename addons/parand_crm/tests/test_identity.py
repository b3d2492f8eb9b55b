from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestIranianIdentity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.iran = cls.env.ref("base.ir")
        cls.env.company.country_id = cls.iran
        cls.Partner = cls.env["res.partner"]

    def test_national_code_normalized_and_checked(self):
        partner = self.Partner.create({"name": "Ali", "l10n_ir_national_code": "۰۴۹۹-۳۷۰-۸۹۹"})
        self.assertEqual(partner.l10n_ir_national_code, "0499370899")
        partner.l10n_ir_national_code = "13542419"  # printed without its leading zeros
        self.assertEqual(partner.l10n_ir_national_code, "0013542419")
        with self.assertRaisesRegex(ValidationError, "National Code 0499370898 .*check digit"):
            partner.l10n_ir_national_code = "0499370898"
        with self.assertRaisesRegex(ValidationError, "identical digits"):
            self.Partner.create({"name": "Bad", "l10n_ir_national_code": "2222222222"})
        with self.assertRaisesRegex(ValidationError, "10 digits"):
            self.Partner.create({"name": "Short", "l10n_ir_national_code": "12345"})

    def test_national_id_of_company(self):
        company = self.Partner.create({"name": "Pars", "is_company": True,
                                       "l10n_ir_national_id": "۱۰۳۸۰۲۸۴۷۹۰"})
        self.assertEqual(company.l10n_ir_national_id, "10380284790")
        with self.assertRaisesRegex(ValidationError, "National ID .*check digit"):
            company.l10n_ir_national_id = "10380284791"

    def test_a_persian_user_reads_the_field_and_the_reason_in_persian(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["parand_crm"], ["fa_IR"])
        Partner = self.Partner.with_context(lang="fa_IR")
        with self.assertRaisesRegex(ValidationError,
                                    "^شناسهٔ ملی 10380284791 برای پارس معتبر نیست: "):
            Partner.create({"name": "پارس", "is_company": True,
                            "l10n_ir_national_id": "10380284791"})
        with self.assertRaisesRegex(ValidationError, "^کد ملی 2222222222 برای علی "):
            Partner.create({"name": "علی", "l10n_ir_national_code": "2222222222"})

    def test_nothing_half_written_on_invalid_batch(self):
        count = self.Partner.search_count([])
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            self.Partner.create([
                {"name": "Valid", "l10n_ir_national_code": "0499370899"},
                {"name": "Invalid", "l10n_ir_national_code": "0499370891"},
            ])
        self.assertEqual(self.Partner.search_count([]), count)

    def test_duplicates_are_counted_and_listed(self):
        first = self.Partner.create({"name": "A", "l10n_ir_national_code": "0499370899"})
        second = self.Partner.create({"name": "B", "l10n_ir_national_code": "499370899"})
        alone = self.Partner.create({"name": "C", "l10n_ir_national_code": "0013542419"})
        (first | second | alone).invalidate_recordset()
        self.assertEqual((first.l10n_ir_duplicate_count, second.l10n_ir_duplicate_count,
                          alone.l10n_ir_duplicate_count), (1, 1, 0))
        action = first.action_view_l10n_ir_duplicates()
        self.assertEqual(self.Partner.search(action["domain"]), second)

    def test_lead_duplicates_and_conversion_carry_identity(self):
        Lead = self.env["crm.lead"]
        lead = Lead.create({"name": "Need", "type": "lead", "partner_name": "Kavir Co",
                            "contact_name": "Sara", "l10n_ir_national_id": "10380284790",
                            "l10n_ir_national_code": "0499370899"})
        twin = Lead.create({"name": "Other need", "type": "lead",
                            "l10n_ir_national_code": "0499370899"})
        self.assertIn(twin, lead.duplicate_lead_ids)
        lead._handle_partner_assignment(create_missing=True)
        person = lead.partner_id
        self.assertEqual(person.l10n_ir_national_code, "0499370899")
        self.assertEqual(person.parent_id.l10n_ir_national_id, "10380284790")
        self.assertFalse(person.parent_id.l10n_ir_national_code)


@tagged("post_install", "-at_install")
class TestPersianTextAndPhones(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.iran = cls.env.ref("base.ir")
        cls.env.company.country_id = cls.iran

    def test_names_stored_normalized(self):
        partner = self.env["res.partner"].create({"name": "علي كاظمي ۱۲"})
        self.assertEqual(partner.name, "علی کاظمی 12")
        lead = self.env["crm.lead"].create({"name": "خريد", "contact_name": "ســارا"})
        self.assertEqual((lead.name, lead.contact_name), ("خرید", "سارا"))

    def test_search_finds_across_spellings_and_digits(self):
        partner = self.env["res.partner"].create({"name": "علی رضایی شعبه 12"})
        lead = self.env["crm.lead"].create({"name": "خرید ۱۰ دستگاه", "partner_name": "یاس"})
        Partner = self.env["res.partner"]
        self.assertIn(partner, Partner.search([("name", "ilike", "علي")]))
        self.assertIn(partner, Partner.search([("display_name", "ilike", "شعبه ۱۲")]))
        self.assertIn(partner.id, [pid for pid, _name in Partner.name_search("رضايي")])
        Lead = self.env["crm.lead"]
        self.assertIn(lead, Lead.search([("name", "ilike", "10 دستگاه")]))
        self.assertIn(lead, Lead.search([("partner_name", "ilike", "ياس")]))

    def test_iranian_phones_stored_in_e164(self):
        Partner = self.env["res.partner"]
        cases = {
            "۰۹۱۲ ۱۲۳ ۴۵۶۷": "+989121234567",
            "+98 912 123 4567": "+989121234567",
            "00989121234567": "+989121234567",
            "021-8888-0000": "+982188880000",
        }
        for typed, stored in cases.items():
            partner = Partner.create({"name": "P", "mobile": typed, "country_id": self.iran.id})
            self.assertEqual(partner.mobile, stored, typed)
        # A foreign number is left as typed.
        foreign = Partner.create({"name": "F", "phone": "+49 30 1234567"})
        self.assertEqual(foreign.phone, "+49 30 1234567")
        lead = self.env["crm.lead"].create({"name": "L", "phone": "۰۹۱۲۱۲۳۴۵۶۷"})
        self.assertEqual(lead.phone, "+989121234567")


@tagged("post_install", "-at_install")
class TestDateCalendar(TransactionCase):
    def test_persian_users_default_to_jalali_and_choose(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        Users = self.env["res.users"]
        persian = Users.create({"name": "Reza", "login": "reza_cal", "lang": "fa_IR"})
        english = Users.create({"name": "John", "login": "john_cal", "lang": "en_US"})
        self.assertEqual(persian.date_calendar, "jalali")
        self.assertEqual(english.date_calendar, "gregorian")
        # A user changes it in their own preferences.
        persian.with_user(persian).write({"date_calendar": "gregorian"})
        self.assertEqual(persian.date_calendar, "gregorian")
