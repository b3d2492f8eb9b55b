# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The public complaint form's checks, without a database."""

from odoo.addons.crm_feedback.tools.complaint_form import (
    check_attachments,
    check_contact,
    check_text,
    client_address,
    normalize_phone,
    parse_networks,
    rate_key,
    window_start,
    within_limit,
)
from odoo.tests import BaseCase, tagged


def sniff(content):
    return "application/pdf" if content.startswith(b"%PDF") else "application/octet-stream"


@tagged("tools")
class TestComplaintFormChecks(BaseCase):

    def test_contact_requires_name_and_a_way_to_answer(self):
        self.assertEqual(check_contact("Ali", "ali@example.ir", ""), [])
        self.assertEqual(check_contact("Ali", "", "+98 912 123 4567"), [])
        self.assertEqual(check_contact("Ali", "", "۰۹۱۲۱۲۳۴۵۶۷"), [])
        self.assertIn(("name", "missing"), check_contact(" ", "ali@example.ir", ""))
        self.assertEqual(check_contact("Ali", "", ""), [("email", "no_contact")])
        self.assertEqual(check_contact("Ali", "ali@", ""), [("email", "invalid")])
        self.assertEqual(check_contact("Ali", "", "call me"), [("phone", "invalid")])

    def test_text_is_required_and_bounded(self):
        self.assertEqual(check_text("Late", "Two weeks late"), [])
        self.assertEqual(check_text("", "x"), [("subject", "missing")])
        self.assertEqual(check_text("x" * 201, ""),
                         [("subject", "too_long"), ("description", "missing")])

    def test_attachments_by_count_size_and_real_type(self):
        pdf = b"%PDF-1.4 ok"
        self.assertEqual(check_attachments([("a.pdf", pdf)], 100, sniff), [])
        self.assertEqual(check_attachments([("a.pdf", pdf + b"x" * 100)], 100, sniff),
                         [("a.pdf", "too_large")])
        self.assertEqual(check_attachments([("a.pdf", b"MZ\x90")], 100, sniff),
                         [("a.pdf", "unexpected_type")])
        self.assertEqual(check_attachments([("a.pdf", pdf)] * 4, 100, sniff),
                         [("attachments", "too_many")])

    def test_email_must_be_one_real_address(self):
        self.assertEqual(check_contact("Ali", "%@%.%", ""), [("email", "invalid")])

    def test_lengths_are_bounded(self):
        self.assertEqual(check_contact("n" * 129, "ali@example.ir", ""), [("name", "too_long")])
        self.assertEqual(check_contact("Ali", "a" * 250 + "@example.ir", ""),
                         [("email", "too_long")])
        self.assertEqual(check_text("Late", "Late", "r" * 4001), [("remedy", "too_long")])
        self.assertEqual(check_text("Late", "d" * 10001), [("description", "too_long")])

    def test_persian_digits_in_the_phone(self):
        self.assertEqual(normalize_phone(" ۰۹۱۲ ۱۲۳ ٤٥٦٧ "), "0912 123 4567")
        self.assertEqual(check_contact("Ali", "", "٠٩١٢١٢٣٤٥٦٧"), [])

    def test_a_files_name_must_match_its_content(self):
        pdf = b"%PDF-1.4 ok"
        self.assertEqual(check_attachments([("Scan.PDF", pdf)], 100, sniff), [])
        self.assertEqual(check_attachments([("page.html", pdf)], 100, sniff),
                         [("page.html", "type_mismatch")])
        self.assertEqual(check_attachments([("noname", pdf)], 100, sniff),
                         [("noname", "type_mismatch")])

    def test_client_address_believes_only_trusted_proxies(self):
        local = parse_networks("127.0.0.1, ::1, not-a-network, 10.0.0.0/8")
        self.assertEqual(len(local), 3)
        # a direct client: its forwarded header is its own invention
        self.assertEqual(client_address("198.51.100.7", "1.2.3.4", local), "198.51.100.7")
        # behind nginx: the rightmost entry not written by a trusted proxy
        self.assertEqual(client_address("127.0.0.1", "203.0.113.5", local), "203.0.113.5")
        self.assertEqual(client_address("127.0.0.1", "1.2.3.4, 203.0.113.5", local), "203.0.113.5")
        self.assertEqual(client_address("127.0.0.1", "1.2.3.4, 203.0.113.5, 10.1.1.1", local),
                         "203.0.113.5")
        self.assertEqual(client_address("127.0.0.1", "junk", local), "127.0.0.1")
        self.assertEqual(client_address("127.0.0.1", None, local), "127.0.0.1")
        self.assertEqual(client_address("::1", "2001:db8::5", local), "2001:db8::5")

    def test_rate_key_groups_ipv6_by_64(self):
        self.assertEqual(rate_key("203.0.113.5"), "203.0.113.5")
        self.assertEqual(rate_key("2001:db8:1:1::1"), "2001:db8:1:1::/64")
        self.assertEqual(rate_key("2001:db8:1:1:ffff::2"), "2001:db8:1:1::/64")
        self.assertNotEqual(rate_key("2001:db8:1:2::1"), rate_key("2001:db8:1:1::1"))
        self.assertEqual(rate_key("::ffff:203.0.113.5"), "203.0.113.5")
        self.assertEqual(rate_key("garbage"), "garbage")

    def test_sliding_window(self):
        self.assertEqual(window_start(3725, 3600), 3600)
        self.assertTrue(within_limit(5, 0, 0.5, 5))
        self.assertFalse(within_limit(6, 0, 0.5, 5))
        # just after the turn of the window the previous window still counts almost fully
        self.assertFalse(within_limit(1, 5, 0.01, 5))
        self.assertTrue(within_limit(1, 5, 0.5, 5))
