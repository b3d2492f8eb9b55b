# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks of the public complaint form, free of the database so that they are tested without one.

Each check returns a list of (field, reason) pairs; an empty list means the input is acceptable.
The controller translates the reasons, shows each under its field and refuses the whole post
when any is returned, so that nothing half made is stored.

The rate limit's pure parts live here too: which address a post comes from (a proxy is
believed only when it is a trusted one), how addresses are grouped into buckets, and the
sliding-window estimate of a bucket's count.
"""

import ipaddress
import os
import re

from odoo.addons.parand_base.tools.mail import MAX_EMAIL_LENGTH, email_address
from odoo.addons.parand_base.tools.persian import normalize_digits

# Longest accepted value of each text field, in characters (the form's inputs say the same
# with `maxlength`; the server checks again since a post need not come from the form).
MAX_LENGTHS = {
    "name": 128,
    "email": MAX_EMAIL_LENGTH,
    "phone": 32,
    "subject": 200,
    "description": 10000,
    "remedy": 4000,
}
# The reason a customer gives when rejecting our response on the portal.
MAX_REJECTION_REASON = 4000

PHONE_RE = re.compile(r"^\+?[0-9\s\-()]{7,20}$")

# The content types a complaint's evidence may have, recognised from the file's first bytes,
# each with the file name extensions that may carry it.
ALLOWED_TYPES = {
    "application/pdf": (".pdf",),
    "image/png": (".png",),
    "image/jpeg": (".jpg", ".jpeg", ".jpe"),
    "image/gif": (".gif",),
    "text/plain": (".txt",),
}
ALLOWED_MIMETYPES = tuple(ALLOWED_TYPES)
MAX_ATTACHMENTS = 3


def normalize_phone(phone):
    """The phone typed with its digits in ASCII and its spaces collapsed."""
    return " ".join(normalize_digits(phone or "").split())


def _too_long(field, value):
    return len(value or "") > MAX_LENGTHS[field]


def check_contact(name, email, phone):
    """The complainant must say who they are and how to reach them."""
    errors = []
    if not (name or "").strip():
        errors.append(("name", "missing"))
    elif _too_long("name", name):
        errors.append(("name", "too_long"))
    email, phone = (email or "").strip(), (phone or "").strip()
    if not email and not phone:
        errors.append(("email", "no_contact"))
    if email and _too_long("email", email):
        errors.append(("email", "too_long"))
    elif email and not email_address(email):
        errors.append(("email", "invalid"))
    if phone and _too_long("phone", phone):
        errors.append(("phone", "too_long"))
    elif phone and not PHONE_RE.match(normalize_phone(phone)):
        errors.append(("phone", "invalid"))
    return errors


def check_text(subject, description, remedy=None):
    errors = []
    if not (subject or "").strip():
        errors.append(("subject", "missing"))
    elif _too_long("subject", subject):
        errors.append(("subject", "too_long"))
    if not (description or "").strip():
        errors.append(("description", "missing"))
    elif _too_long("description", description):
        errors.append(("description", "too_long"))
    if _too_long("remedy", remedy):
        errors.append(("remedy", "too_long"))
    return errors


def check_attachments(files, max_bytes, sniff):
    """`files`: (filename, content bytes) pairs; `sniff(content)` returns the content type
    read from the bytes themselves (the browser's declared type is not trusted). A file must
    be of an allowed type by its content, and its name must say the same type (a PDF named
    `page.html` is refused: the name decides how a browser opens a download)."""
    errors = []
    if len(files) > MAX_ATTACHMENTS:
        errors.append(("attachments", "too_many"))
        return errors
    for filename, content in files:
        if len(content) > max_bytes:
            errors.append((filename, "too_large"))
            continue
        mimetype = sniff(content)
        if mimetype not in ALLOWED_TYPES:
            errors.append((filename, "unexpected_type"))
        elif os.path.splitext(filename or "")[1].lower() not in ALLOWED_TYPES[mimetype]:
            errors.append((filename, "type_mismatch"))
    return errors


# ---------------------------------------------------------------------- rate limit

def parse_networks(text):
    """The networks listed in `text` (comma or space separated, `127.0.0.1`, `10.0.0.0/8`);
    entries that are not networks are ignored."""
    networks = []
    for entry in re.split(r"[,\s]+", text or ""):
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return networks


def _ip(address):
    try:
        return ipaddress.ip_address((address or "").strip())
    except ValueError:
        return None


def _in(ip, networks):
    return ip is not None and any(ip.version == net.version and ip in net for net in networks)


def client_address(peer, forwarded_for, trusted_proxies):
    """The address a post comes from.

    `peer` is the address of the connection (the socket's, before any proxy header is
    applied), `forwarded_for` the X-Forwarded-For header, `trusted_proxies` the networks of the
    reverse proxies in front of Odoo. The header is believed only when the connection comes
    from a trusted proxy, and then read from the right: each trusted proxy appends the address
    it received the request from, so the first entry from the right that is not a trusted
    proxy is the client; entries further left were written by the client and may be forged.
    """
    peer_ip = _ip(peer)
    if peer_ip is None:
        return peer or "unknown"
    if not forwarded_for or not _in(peer_ip, trusted_proxies):
        return str(peer_ip)
    address = peer_ip
    for entry in reversed(forwarded_for.split(",")):
        ip = _ip(entry)
        if ip is None:
            break
        address = ip
        if not _in(ip, trusted_proxies):
            break
    return str(address)


def rate_key(address, ipv6_prefix=64):
    """The bucket of `address`: an IPv4 address alone, an IPv6 address by its /64 network (one
    subscriber usually holds a whole /64 and may use any address in it)."""
    ip = _ip(address)
    if ip is None:
        return address or "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/{ipv6_prefix}", strict=False))
    return str(ip)


def window_start(timestamp, window_seconds):
    """Start (epoch seconds) of the fixed window holding `timestamp`."""
    return int(timestamp // window_seconds * window_seconds)


def within_limit(current, previous, elapsed_fraction, limit):
    """Sliding-window estimate: the posts of the current fixed window (this one included) plus
    the previous window's, weighted by the part of it still inside the sliding window. Unlike
    plain fixed windows, a burst at the turn of a window cannot pass twice the limit."""
    elapsed_fraction = min(max(elapsed_fraction, 0.0), 1.0)
    return current + previous * (1.0 - elapsed_fraction) <= limit
