# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The public complaint form's checks, without a database."""

from odoo.addons.crm_feedback.tools.complaint_form import (
    check_attachments,
    check_contact,
    check_text,
)


def sniff(content):
    return "application/pdf" if content.startswith(b"%PDF") else "application/octet-stream"


def test_contact_requires_name_and_a_way_to_answer():
    assert check_contact("Ali", "ali@example.ir", "") == []
    assert check_contact("Ali", "", "+98 912 123 4567") == []
    assert check_contact("Ali", "", "۰۹۱۲۱۲۳۴۵۶۷") == []
    assert ("name", "missing") in check_contact(" ", "ali@example.ir", "")
    assert check_contact("Ali", "", "") == [("email", "no_contact")]
    assert check_contact("Ali", "ali@", "") == [("email", "invalid")]
    assert check_contact("Ali", "", "call me") == [("phone", "invalid")]


def test_text_is_required_and_bounded():
    assert check_text("Late", "Two weeks late") == []
    assert check_text("", "x") == [("subject", "missing")]
    assert check_text("x" * 201, "") == [("subject", "too_long"), ("description", "missing")]


def test_attachments_by_count_size_and_real_type():
    pdf = b"%PDF-1.4 ok"
    assert check_attachments([("a.pdf", pdf)], 100, sniff) == []
    assert check_attachments([("a.pdf", pdf + b"x" * 100)], 100, sniff) == [("a.pdf", "too_large")]
    assert check_attachments([("a.pdf", b"MZ\x90")], 100, sniff) == [("a.pdf", "unexpected_type")]
    assert check_attachments([("a.pdf", pdf)] * 4, 100, sniff) == [("attachments", "too_many")]
