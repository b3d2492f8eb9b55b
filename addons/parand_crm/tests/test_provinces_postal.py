from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestProvincesAndPostalCodes(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.iran = cls.env.ref("base.ir")
        cls.Partner = cls.env["res.partner"]

    def test_31_provinces_with_iso_codes(self):
        states = self.env["res.country.state"].search([("country_id", "=", self.iran.id)])
        self.assertEqual(len(states), 31)
        self.assertEqual(sorted(states.mapped("code")), [f"{n:02d}" for n in range(31)])
        self.assertEqual(self.env.ref("parand_crm.state_ir_23").name, "تهران")
        self.assertEqual(self.env.ref("parand_crm.state_ir_30").name, "البرز")
        self.assertEqual(self.env.ref("parand_crm.state_ir_11").name, "سیستان و بلوچستان")
        # Names are written with Persian letters (ی, ک), never the Arabic ones.
        self.assertFalse([name for name in states.mapped("name") if "ي" in name or "ك" in name])

    def test_iranian_postal_code_normalized(self):
        partner = self.Partner.create({
            "name": "Sara", "country_id": self.iran.id,
            "state_id": self.env.ref("parand_crm.state_ir_10").id, "zip": "۸۱۳۹۶-۴۳۹۱۱"})
        self.assertEqual(partner.zip, "8139643911")
        partner.zip = "١٤٣٥٩ ١٣٧٤٦"
        self.assertEqual(partner.zip, "1435913746")

    def test_invalid_iranian_postal_code_names_the_field(self):
        with self.assertRaisesRegex(ValidationError, "Postal Code 12345 of Sara .*10 digits"):
            self.Partner.create({"name": "Sara", "country_id": self.iran.id, "zip": "12345"})
        partner = self.Partner.create({"name": "Reza", "zip": "SW1A 1AA"})
        with self.assertRaisesRegex(ValidationError, "only digits"):
            partner.country_id = self.iran
        lead = self.env["crm.lead"].create({"name": "Need", "country_id": self.iran.id,
                                            "zip": "۱۴۳۵۹۱۳۷۴۶"})
        self.assertEqual(lead.zip, "1435913746")
        with self.assertRaisesRegex(ValidationError, "Postal Code"):
            lead.zip = "1435"

    def test_other_countries_untouched(self):
        partner = self.Partner.create({"name": "London", "zip": "SW1A 1AA",
                                       "country_id": self.env.ref("base.uk").id})
        self.assertEqual(partner.zip, "SW1A 1AA")
