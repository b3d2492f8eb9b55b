# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of the public complaint form, free of Odoo so that they are tested without a database.

Each check returns a list of (field, reason) pairs; an empty list means the input is acceptable.
The controller translates the reasons and refuses the whole post when any is returned, so that
nothing half made is stored.
"""

import re

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9\u06f0-\u06f9\s\-()]{7,20}$")
# The content types a complaint's evidence may have, recognised from the file's first bytes.
ALLOWED_MIMETYPES = ("application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain")
MAX_ATTACHMENTS = 3


def check_contact(name, email, phone):
    """The complainant must say who they are and how to reach them."""
    errors = []
    if not (name or "").strip():
        errors.append(("name", "missing"))
    email, phone = (email or "").strip(), (phone or "").strip()
    if not email and not phone:
        errors.append(("email", "no_contact"))
    if email and not EMAIL_RE.match(email):
        errors.append(("email", "invalid"))
    if phone and not PHONE_RE.match(phone):
        errors.append(("phone", "invalid"))
    return errors


def check_text(subject, description):
    errors = []
    if not (subject or "").strip():
        errors.append(("subject", "missing"))
    elif len(subject) > 200:
        errors.append(("subject", "too_long"))
    if not (description or "").strip():
        errors.append(("description", "missing"))
    elif len(description) > 10000:
        errors.append(("description", "too_long"))
    return errors


def check_attachments(files, max_bytes, sniff):
    """`files`: (filename, content bytes) pairs; `sniff(content)` returns the content type
    read from the bytes themselves (the browser's declared type is not trusted)."""
    errors = []
    if len(files) > MAX_ATTACHMENTS:
        errors.append(("attachments", "too_many"))
        return errors
    for filename, content in files:
        if len(content) > max_bytes:
            errors.append((filename, "too_large"))
        elif sniff(content) not in ALLOWED_MIMETYPES:
            errors.append((filename, "unexpected_type"))
    return errors
