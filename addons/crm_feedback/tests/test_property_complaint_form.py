"""Property tests (hypothesis) of the public complaint form's checks.

Whatever is posted, each check answers a list of (field, reason) pairs naming a known field
and reason, never raises; what it accepts is what the form promises to store. Each property
checks CASES generated cases, drawn in batches of BATCH (see parand_crm's
test_property_jalali). No database.
"""

from hypothesis import given
from hypothesis import strategies as st

from odoo.addons.parand_base.tests.property import PROPERTY, batch
from odoo.tests import BaseCase, tagged

from ..tools import complaint_form as cf

CONTACT_ERRORS = {("name", "missing"), ("email", "no_contact"), ("email", "invalid"),
                  ("phone", "invalid"), ("name", "too_long"), ("email", "too_long"),
                  ("phone", "too_long")}
posted = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(
    ["", "  ", "ali@example.com", " ali@example.com ", "a b@c.d", "@x.y", "x@y", "%@%.%"]))
# Arabic-Indic digits (٠-٩) come with the public form branch (issue #13), not checked here.
DIGITS = ("0123456789", "۰۱۲۳۴۵۶۷۸۹")
EXTENSIONS = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg",
              "image/gif": ".gif", "text/plain": ".txt"}



@tagged("property")
class TestComplaintFormProperties(BaseCase):

    @PROPERTY
    @given(batch(posted, posted, posted))
    def test_contact_any_input(self, cases):
        for name, email, phone in cases:
            errors = cf.check_contact(name, email, phone)
            self.assertLessEqual(set(errors), CONTACT_ERRORS, (name, email, phone))
            self.assertEqual(("name", "missing") in errors, not (name or "").strip())
            if not errors:
                address = (email or "").strip()
                self.assertTrue(address or (phone or "").strip())
                if address:
                    # One address: one @, a dot in the domain, no whitespace inside.
                    local, _at, domain = address.partition("@")
                    self.assertTrue(local and "." in domain and "@" not in domain, address)
                    self.assertFalse(any(c.isspace() for c in address), address)

    @PROPERTY
    @given(batch(st.sampled_from(["", "+98", "0098"]),
                 st.text(alphabet="0123456789", min_size=7, max_size=11),
                 st.sampled_from(DIGITS), st.sampled_from(["", " ", "-", " - "]),
                 st.sampled_from(["", "(021) "])))
    def test_phone_typed_in_any_digits_is_accepted(self, cases):
        for prefix, number, script, separator, area in cases:
            text = number.translate(str.maketrans("0123456789", script))
            phone = prefix + area + separator.join([text[:3], text[3:]])
            if len(phone.removeprefix("+")) <= 20:
                # 7 to 20 characters after an optional +, separators included.
                self.assertEqual(cf.check_contact("Ali", "", phone), [], phone)
            # Letters are not a phone number.
            self.assertEqual(cf.check_contact("Ali", "", phone + "x"), [("phone", "invalid")])

    @PROPERTY
    @given(batch(st.one_of(st.none(), st.text(max_size=3), st.integers(0, 10_100).map(
        lambda n: "x" * n)), st.one_of(st.none(), st.text(max_size=3),
                                       st.integers(0, 10_100).map(lambda n: "y" * n))))
    def test_text_lengths(self, cases):
        for subject, description in cases:
            errors = dict(cf.check_text(subject, description))
            subject_ok = bool((subject or "").strip()) and len(subject) <= 200
            description_ok = bool((description or "").strip()) and len(description) <= 10_000
            self.assertEqual("subject" not in errors, subject_ok, len(subject or ""))
            self.assertEqual("description" not in errors, description_ok)
            self.assertLessEqual(set(errors.values()), {"missing", "too_long"})

    @PROPERTY
    @given(batch(st.lists(st.tuples(st.text(alphabet="abcXYZ علی-_.", min_size=1, max_size=8),
                                    st.binary(max_size=40)), max_size=5),
                 st.integers(1, 40), st.sampled_from(
                     (*cf.ALLOWED_MIMETYPES, "application/x-msdownload", "text/html", None))))
    def test_attachments(self, cases):
        for posted_files, max_bytes, sniffed in cases:
            # Each file named as its content says (.pdf for a PDF...).
            files = [("f" + name + EXTENSIONS.get(sniffed, ".exe"), content)
                     for name, content in posted_files]
            errors = cf.check_attachments(files, max_bytes, lambda _content, s=sniffed: s)
            if len(files) > cf.MAX_ATTACHMENTS:
                self.assertEqual(errors, [("attachments", "too_many")])
                continue
            expected = []
            for filename, content in files:
                if len(content) > max_bytes:
                    expected.append((filename, "too_large"))
                elif sniffed not in cf.ALLOWED_MIMETYPES:
                    expected.append((filename, "unexpected_type"))
            self.assertEqual(errors, expected)
