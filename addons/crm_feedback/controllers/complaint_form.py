# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import http
from odoo.addons.parand_base.tools.mail import email_address
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.mimetypes import guess_mimetype

from ..tools.complaint_form import (
    MAX_LENGTHS,
    check_attachments,
    check_contact,
    check_text,
    client_address,
    normalize_phone,
    parse_networks,
    rate_key,
)

FORM_FIELDS = ("name", "email", "phone", "subject", "description", "remedy")
DEFAULT_MAX_REQUEST_MB = 10
DEFAULT_TRUSTED_PROXIES = "127.0.0.1, ::1"


class ComplaintForm(http.Controller):
    """The public complaint form: a plain controller page, so that the website app is not needed.

    Anyone may post, so the form protects itself before it reads anything large: the request
    body is capped by its declared size (Content-Length) before it is parsed, the post is
    counted against the rate limit of its address and the form's global ceiling
    (crm.complaint.submission) before the uploaded files are read, and the post is checked as
    a whole before anything is created. A complaint filed here always gets a contact of its own:
    it is attached to an existing customer only when the owner of the address confirms through
    a mailed link (crm.complaint.contact.link), or when staff merge the contacts.
    """

    # ------------------------------------------------------------------ settings

    def _param(self, key, default):
        # sudo: settings of the form, read for the public user.
        return request.env["ir.config_parameter"].sudo().get_param(key, default)

    def _int_param(self, key, default):
        try:
            return max(int(self._param(key, default)), 1)
        except (TypeError, ValueError):
            return default

    def _max_request_bytes(self):
        """The largest body the form's post may have: all the attached files and the text."""
        return self._int_param("crm_feedback.complaint_form_max_request_mb",
                               DEFAULT_MAX_REQUEST_MB) * 1024 * 1024

    def _max_file_bytes(self):
        return self._int_param("crm_feedback.complaint_form_max_attachment_kb", 2048) * 1024

    def _client_address(self):
        """The visitor's address: the connection's, or the one a trusted reverse proxy forwards
        (X-Forwarded-For, read from the right). With proxy_mode and X-Forwarded-Host, Odoo has
        already replaced REMOTE_ADDR by the forwarded address; the connection's own address is
        then the one werkzeug's ProxyFix kept aside."""
        environ = request.httprequest.environ
        peer = environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR") \
            or environ.get("REMOTE_ADDR")
        trusted = parse_networks(self._param("crm_feedback.complaint_form_trusted_proxies",
                                             DEFAULT_TRUSTED_PROXIES))
        return client_address(peer, environ.get("HTTP_X_FORWARDED_FOR"), trusted)

    # ------------------------------------------------------------------ messages

    def _reasons(self):
        env = request.env
        return {
            "missing": env._("this field is required"),
            "no_contact": env._("give an email address or a phone number so that we can "
                                "answer you"),
            "invalid": env._("this value is not valid"),
            "too_long": env._("this text is too long"),
            "too_many": env._("attach at most 3 files"),
            "too_large": env._("this file is larger than allowed"),
            "unexpected_type": env._("only PDF, image and text files are accepted"),
            "type_mismatch": env._("the file's name does not match its content"),
        }

    def _field_errors(self, problems):
        """{field: [message, ...]}: each problem under its field; a file's problem under the
        attachments, naming the file."""
        reasons, errors = self._reasons(), {}
        for field, reason in problems:
            if field in FORM_FIELDS or field == "attachments":
                errors.setdefault(field, []).append(reasons[reason])
            else:
                errors.setdefault("attachments", []).append(f"{field}: {reasons[reason]}")
        return errors

    def _lang_prefix(self, code=None):
        """`/fa` when the page is in a language other than the default one: the form posts
        to the same language (the path of a POST is not rewritten by url_for)."""
        lang = request.env["res.lang"]._get_data(code=code or request.env.lang)
        default = request.env["ir.http"]._get_default_lang()
        return f"/{lang.url_code}" if lang.code and lang.code != default.code else ""

    def _render(self, template, values, status=200):
        """Render a page of the form with the `<html>` element saying its language and
        direction (`dir="rtl"` in Persian): without the website app nothing else does, and the
        browser's bidi algorithm needs it for mixed Persian and Latin text."""
        lang = request.env["res.lang"]._get_data(code=request.env.lang)
        values = dict(values, html_data={
            "lang": (lang.code or "en_US").replace("_", "-"),
            "dir": lang.direction or "ltr",
        })
        return request.render(template, values, status=status)

    def _render_form(self, post=None, errors=None, status=200, had_files=False):
        values = {field: post[field] for field in FORM_FIELDS
                  if isinstance((post or {}).get(field), str)}
        return self._render("crm_feedback.complaint_public_form", {
            "action": f"{self._lang_prefix()}/complaint/submit",
            "values": values,
            "errors": errors or {},
            "max_lengths": MAX_LENGTHS,
            "max_file_bytes": self._max_file_bytes(),
            "max_request_bytes": self._max_request_bytes(),
            "size_message": request.env._(
                "these files are too large: at most %(file)s KB each and %(total)s MB in all",
                file=self._max_file_bytes() // 1024,
                total=self._max_request_bytes() // (1024 * 1024)),
            "had_files": had_files,
        }, status=status)

    def _render_too_large(self):
        """The answer to a post larger than the form accepts (models/ir_http.py), whose body
        was not read: the form again, in the visitor's language, saying the limits."""
        return self._render_form(errors={"form": [request.env._(
            "Your files are too large to be sent: at most %(file)s KB each and %(total)s MB "
            "in all. Please fill in the form again with smaller files.",
            file=self._max_file_bytes() // 1024,
            total=self._max_request_bytes() // (1024 * 1024))]}, status=413)

    # ------------------------------------------------------------------ routes

    @http.route("/complaint/new", type="http", auth="public", methods=["GET"], website=True,
                sitemap=False, readonly=True)
    def complaint_form(self, **kw):
        # A first visit without a language in its URL nor a chosen one (cookie) gets the
        # language its browser asks for (Accept-Language), when it is installed: a Persian
        # visitor lands on /fa/complaint/new.
        if not request.httprequest.cookies.get("frontend_lang") and request.best_lang:
            wanted = request.env["ir.http"].get_nearest_lang(request.best_lang)
            if wanted and wanted != request.env.lang and not self._lang_prefix():
                return request.redirect(f"{self._lang_prefix(wanted)}/complaint/new")
        return self._render_form()

    @http.route("/complaint/submit", type="http", auth="public", methods=["POST"], website=True,
                sitemap=False, max_content_length=lambda self: self._max_request_bytes())
    def complaint_submit(self, **post):
        env = request.env
        uploads = [upload for upload in request.httprequest.files.getlist("attachments")
                   if upload.filename]
        # sudo: the public user has no rights on the counters; counted before any file is read.
        refused = env["crm.complaint.submission"].sudo()._check_rate(
            rate_key(self._client_address()))
        if refused:
            return self._render_form(post, {"form": [env._(
                "You sent too many complaints in a short time. Please try again later or "
                "call us.") if refused == "address" else env._(
                "We receive too many complaints right now. Please try again in a few "
                "minutes or call us.")]}, status=429, had_files=bool(uploads))
        max_bytes = self._max_file_bytes()
        # At most one byte past the limit is read from each file: enough to refuse it.
        files = [(upload.filename, upload.read(max_bytes + 1)) for upload in uploads]
        problems = (check_contact(post.get("name"), post.get("email"), post.get("phone"))
                    + check_text(post.get("subject"), post.get("description"),
                                 post.get("remedy"))
                    + check_attachments(files, max_bytes, guess_mimetype))
        if problems:
            return self._render_form(post, self._field_errors(problems), status=400,
                                     had_files=bool(files))
        complaint = self._create_complaint(post, files)
        return request.redirect(request.env["ir.http"]._url_for(
            f"/complaint/received/{complaint.id}?access_token={complaint.access_token}"))

    @http.route("/complaint/received/<int:complaint_id>", type="http", auth="public",
                methods=["GET"], website=True, sitemap=False, readonly=True)
    def complaint_received(self, complaint_id, access_token=None, **kw):
        # sudo: the complaint's access token, checked here, stands for the visitor's right.
        complaint = request.env["crm.complaint"].sudo().browse(complaint_id).exists()
        if not complaint or not access_token or not complaint.access_token \
                or not consteq(complaint.access_token, access_token):
            return request.redirect("/complaint/new")
        return self._render("crm_feedback.complaint_public_received", {
            "complaint": complaint,
            "follow_url": complaint.get_portal_url(),
        })

    # Shown on GET (read-only, a replica may serve it), confirmed on POST (writes).
    @http.route("/complaint/link/<int:link_id>/<string:token>", type="http", auth="public",
                methods=["GET", "POST"], website=True, sitemap=False,
                readonly=lambda self: request.httprequest.method == "GET")
    def complaint_contact_link(self, link_id, token, **kw):
        """The owner of an address confirms that a complaint sent with it is his: shown on
        GET, done on POST (a mail scanner opening the link confirms nothing)."""
        # sudo: the public user cannot read the requests; the token checked here is the right.
        link = request.env["crm.complaint.contact.link"].sudo().browse(link_id).exists()
        if not link or not link._check_token(token):
            return self._render("crm_feedback.complaint_contact_link_page", {"link": False},
                                status=404)
        confirmed = False
        if request.httprequest.method == "POST":
            link._confirm()
            confirmed = True
        return self._render("crm_feedback.complaint_contact_link_page", {
            "link": link, "complaint": link.complaint_id, "confirmed": confirmed,
            "action": f"/complaint/link/{link.id}/{token}",
        })

    # ------------------------------------------------------------------ creation

    def _create_partner(self, name, email, phone):
        """A contact of its own for the complainant: the address typed is not proof that the
        visitor owns it, so no existing contact is ever picked by email or phone here."""
        # sudo: the public user cannot create contacts; the post was checked.
        return request.env["res.partner"].sudo().create({
            "name": name, "email": email or False, "phone": phone or False,
            "lang": request.env.lang or False,
        })

    def _create_complaint(self, post, files):
        name = post["name"].strip()
        email = email_address(post.get("email")) or ""
        phone = normalize_phone(post.get("phone"))
        partner = self._create_partner(name, email, phone)
        # sudo: public users cannot create complaints; the post was checked above and is
        # created in one transaction with its contact and attachments (all or nothing).
        complaint = request.env["crm.complaint"].sudo().create({
            "partner_id": partner.id,
            "subject": post["subject"].strip(),
            "description": post["description"].strip(),
            "remedy_requested": (post.get("remedy") or "").strip() or False,
            "channel": "web_form",
            "user_id": False,
        })
        if files:
            # The stored type is the one read from the content (checked against the name).
            attachments = request.env["ir.attachment"].sudo().create([{
                "name": filename,
                "datas": base64.b64encode(content),
                "mimetype": guess_mimetype(content),
                "res_model": "crm.complaint",
                "res_id": complaint.id,
            } for filename, content in files])
            complaint.message_post(body=request.env._("Evidence attached by the customer."),
                                   attachment_ids=attachments.ids)
        complaint._portal_ensure_token()
        if email:
            # sudo: the link requests are system records; see crm.complaint.contact.link.
            request.env["crm.complaint.contact.link"].sudo()._request_for(complaint, email)
        return complaint
