# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Email addresses as people type them, no database."""

from odoo.addons.parand_base.tools.mail import email_address
from odoo.tests import BaseCase, tagged


@tagged("tools")
class TestEmailAddress(BaseCase):

    def test_one_real_address_normalized(self):
        self.assertEqual(email_address(" Ali@Example.IR "), "ali@example.ir")
        self.assertEqual(email_address("ali@mail.example.co.ir"), "ali@mail.example.co.ir")

    def test_what_odoo_takes_for_an_address_and_nobody_answers_at(self):
        for bad in ("%@%.%", "a@%.ir", "a@b_c.ir", "ali@localhost", "a@b.c", "a@b.ir, c@d.ir",
                    "Ali <a@b.ir>", "a b@c.ir", "a@b..ir", "a@-b.ir", "", None,
                    "a" * 250 + "@example.ir"):
            self.assertIs(email_address(bad), False, bad)
