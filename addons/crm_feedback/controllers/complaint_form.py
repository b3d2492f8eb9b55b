# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import http
from odoo.http import request
from odoo.tools.mimetypes import guess_mimetype

from ..tools.complaint_form import check_attachments, check_contact, check_text


class ComplaintForm(http.Controller):
    """The public complaint form: a plain controller page, so that the website app is not needed.

    Anyone may post; the form is rate limited per IP address (crm.complaint.submission) and
    checked as a whole before anything is created, so that a refused post stores nothing but
    its count. The complainant gets the complaint's token link to follow it.
    """

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
        }

    def _labels(self):
        env = request.env
        return {"name": env._("Name"), "email": env._("Email"), "phone": env._("Phone"),
                "subject": env._("Subject"), "description": env._("Description"),
                "attachments": env._("Attachments")}

    @http.route("/complaint/new", type="http", auth="public", methods=["GET"], website=True,
                sitemap=False)
    def complaint_form(self, **kw):
        return request.render("crm_feedback.complaint_public_form", {"values": {}, "errors": []})

    @http.route("/complaint/submit", type="http", auth="public", methods=["POST"], website=True,
                sitemap=False)
    def complaint_submit(self, **post):
        env = request.env
        files = [(upload.filename or "file", upload.read())
                 for upload in request.httprequest.files.getlist("attachments") if upload.filename]
        # sudo: the public user has no rights on these models; the form itself is the check.
        Submission = env["crm.complaint.submission"].sudo()
        ip_address = request.httprequest.remote_addr or "unknown"
        if not Submission._count_post(ip_address):
            # The counted post is kept (it is the flood's record); nothing else is stored.
            return request.render("crm_feedback.complaint_public_form", {
                "values": post,
                "errors": [env._("You sent too many complaints in a short time. Please try "
                                 "again later or call us.")],
            }, status=429)
        max_kb = int(env["ir.config_parameter"].sudo().get_param(
            "crm_feedback.complaint_form_max_attachment_kb", 2048))
        problems = (check_contact(post.get("name"), post.get("email"), post.get("phone"))
                    + check_text(post.get("subject"), post.get("description"))
                    + check_attachments(files, max_kb * 1024, guess_mimetype))
        if problems:
            reasons, labels = self._reasons(), self._labels()
            errors = [f"{labels.get(field, field)}: {reasons[reason]}"
                      for field, reason in problems]
            return request.render("crm_feedback.complaint_public_form",
                                  {"values": post, "errors": errors}, status=400)
        complaint = self._create_complaint(post, files)
        return request.redirect(complaint.get_portal_url())

    def _find_or_create_partner(self, name, email, phone):
        Partner = request.env["res.partner"].sudo()
        partner = Partner.browse()
        if email:
            partner = Partner.search([("email", "=ilike", email)], limit=1)
        if not partner and phone:
            partner = Partner.search(["|", ("phone", "=", phone), ("mobile", "=", phone)],
                                     limit=1)
        if not partner:
            partner = Partner.create({"name": name, "email": email or False,
                                      "phone": phone or False,
                                      "lang": request.env.lang or False})
        return partner

    def _create_complaint(self, post, files):
        name, email = post["name"].strip(), (post.get("email") or "").strip()
        phone = (post.get("phone") or "").strip()
        partner = self._find_or_create_partner(name, email, phone)
        # sudo: public users cannot create complaints; the post was checked above and is
        # created in one transaction with its partner and attachments (all or nothing).
        complaint = request.env["crm.complaint"].sudo().create({
            "partner_id": partner.id,
            "subject": post["subject"].strip(),
            "description": post["description"].strip(),
            "remedy_requested": (post.get("remedy") or "").strip() or False,
            "channel": "web_form",
            "user_id": False,
        })
        if files:
            attachments = request.env["ir.attachment"].sudo().create([{
                "name": filename,
                "datas": base64.b64encode(content),
                "res_model": "crm.complaint",
                "res_id": complaint.id,
            } for filename, content in files])
            complaint.message_post(body=request.env._("Evidence attached by the customer."),
                                   attachment_ids=attachments.ids)
        complaint._portal_ensure_token()
        return complaint
