# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An email address as people type it in a form or a spreadsheet cell, checked once.

Odoo's email_normalize finds the address and lower-cases it, but takes `%@%.%`,
`ali@localhost` or `a@-b.ir` for addresses: nobody answers at them, and `%` or `_` in a
domain are LIKE patterns once the address is searched for.
"""

import re

from odoo.tools.mail import email_normalize

# The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).
MAX_EMAIL_LENGTH = 254
# As the HTML standard's email input accepts an address: the domain's labels are letters,
# digits and hyphens (any script) and it ends with a top-level domain of letters.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@"
    r"(?:[^\W_](?:(?:[^\W_]|-){0,61}[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[A-Za-z0-9-]{1,59})$")


def email_address(text):
    """The one address `text` is, normalized by Odoo (lower case), or False when it is
    not exactly one deliverable address (a name part, two addresses, a bad domain)."""
    text = (text or "").strip()
    if not text or len(text) > MAX_EMAIL_LENGTH or not _EMAIL.match(text):
        return False
    return email_normalize(text, strict=True) or False
