import datetime

from odoo.addons.parand_crm.tools import jalali
from odoo.tests import TransactionCase, tagged

from ..hooks import GREGORIAN_PREFIX, JALALI_PREFIX, post_init_hook, uninstall_hook


@tagged("post_install", "-at_install")
class TestJalaliComplaintReference(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sequence = cls.env.ref("crm_feedback.seq_crm_complaint")
        cls.customer = cls.env["res.partner"].create({"name": "Pakhsh Sepahan"})

    def _complaint(self):
        return self.env["crm.complaint"].with_context(tz="Asia/Tehran").create({
            "subject": "Late delivery", "partner_id": self.customer.id,
            "description": "The order came two weeks late."})

    def _jalali_year(self):
        now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=3.5)
        return jalali.to_jalali(now.date()).year

    def test_installed_with_both_addons_references_number_by_the_jalali_year(self):
        self.assertEqual(self.sequence.prefix, JALALI_PREFIX)
        complaint = self._complaint()
        self.assertRegex(complaint.name, rf"^CMP/{self._jalali_year()}/\d{{5}}$")

    def test_uninstall_puts_the_gregorian_year_back_and_keeps_references(self):
        complaint = self._complaint()
        name = complaint.name
        uninstall_hook(self.env)
        self.assertEqual(self.sequence.prefix, GREGORIAN_PREFIX)
        later = self._complaint()
        self.assertTrue(later.name.startswith(f"CMP/{datetime.date.today().year}/")
                        or later.name.startswith(f"CMP/{datetime.date.today().year + 1}/"))
        self.assertEqual(complaint.name, name)
        # Installed again: Jalali again.
        post_init_hook(self.env)
        self.assertEqual(self.sequence.prefix, JALALI_PREFIX)

    def test_a_prefix_chosen_by_the_organization_is_kept(self):
        self.sequence.prefix = "SHK/%(year)s/"
        uninstall_hook(self.env)
        post_init_hook(self.env)
        self.assertEqual(self.sequence.prefix, "SHK/%(year)s/")
