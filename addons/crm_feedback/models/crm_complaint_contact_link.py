# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import consteq


class CrmComplaintContactLink(models.Model):
    """A request, mailed to an address, to link a complaint of the public form to the customer
    who owns that address.

    Anyone can type any address in the public form, so a complaint filed there always gets a
    contact of its own; when the address is an existing customer's, a link is mailed to it and
    only its owner, by following it, moves the complaint to his contact (staff may also merge
    the two contacts with Odoo's contact merge once they checked).
    """

    _name = "crm.complaint.contact.link"
    _description = "Complaint Contact Link Request"
    _order = "id desc"

    complaint_id = fields.Many2one("crm.complaint", required=True, index=True,
                                   ondelete="cascade")
    partner_id = fields.Many2one("res.partner", "Customer", required=True, ondelete="cascade",
                                 help="The existing customer the address belongs to.")
    email = fields.Char(required=True, help="The normalized address the link was sent to.")
    token = fields.Char(required=True, copy=False, groups="base.group_system")
    date_expiry = fields.Datetime("Expires On", required=True)
    state = fields.Selection([("pending", "Pending"), ("done", "Linked")], default="pending",
                             required=True)

    @api.model
    def _validity(self):
        return timedelta(days=7)

    @api.model
    def _find_customer(self, email_normalized, exclude):
        """The existing contact owning `email_normalized` (exact match on the normalized
        address, never a pattern): a contact with a user first, then the oldest."""
        partners = self.env["res.partner"].search(
            [("email_normalized", "=", email_normalized), ("id", "not in", exclude.ids)],
            order="id")
        with_user = partners.filtered("user_ids")
        return (with_user or partners)[:1]

    @api.model
    def _request_for(self, complaint, email_normalized):
        """When `email_normalized` is an existing customer's, mail its owner a link to attach
        `complaint` to his contact; returns the request (empty when there is no customer)."""
        customer = self._find_customer(email_normalized, complaint.partner_id)
        if not customer:
            return self.browse()
        link = self.create({
            "complaint_id": complaint.id,
            "partner_id": customer.id,
            "email": email_normalized,
            "token": secrets.token_urlsafe(32),
            "date_expiry": fields.Datetime.now() + self._validity(),
        })
        link._send_mail()
        complaint.message_post(body=self.env._(
            "This complaint was sent from the public form with the address of the existing "
            "contact %(customer)s. It stays on its own contact until the owner of the address "
            "confirms through the link mailed to him; you may also merge the two contacts "
            "once you have checked.", customer=customer.display_name))
        return link

    def _url(self):
        self.ensure_one()
        return f"/complaint/link/{self.id}/{self.token}"

    def _send_mail(self):
        for link in self:
            customer = link.partner_id
            lang = customer.lang or self.env.lang
            env = self.with_context(lang=lang).env
            base_url = link.complaint_id.get_base_url()
            body = env["ir.qweb"]._render("crm_feedback.complaint_contact_link_mail", {
                "link": link, "complaint": link.complaint_id, "customer": customer,
                "url": base_url + link._url(),
            }, lang=lang)
            company = link.complaint_id.company_id or self.env.company
            self.env["mail.mail"].create({
                "subject": env._("Is this complaint yours? %(reference)s",
                                 reference=link.complaint_id.name),
                "email_from": company.email_formatted or self.env.user.email_formatted,
                "email_to": link.email,
                "body_html": body,
                "auto_delete": True,
            })

    def _check_token(self, token):
        """True when `token` opens this request and it can still be confirmed."""
        self.ensure_one()
        return bool(token) and self.state == "pending" \
            and self.date_expiry >= fields.Datetime.now() and consteq(self.token, token)

    def _confirm(self):
        """The owner of the address confirmed: the complaint moves to his contact; the contact
        the form made is archived when nothing else refers to it."""
        for link in self:
            complaint = link.complaint_id
            form_partner = complaint.partner_id
            complaint.partner_id = link.partner_id
            link.state = "done"
            complaint.message_post(body=self.env._(
                "The owner of %(email)s confirmed this complaint: it is now on the contact "
                "%(customer)s.", email=link.email, customer=link.partner_id.display_name))
            if form_partner != link.partner_id and not form_partner.user_ids \
                    and not self.env["crm.complaint"].search_count(
                        [("partner_id", "=", form_partner.id)]):
                form_partner.active = False

    @api.autovacuum
    def _gc_expired(self):
        self.search([("state", "=", "pending"),
                     ("date_expiry", "<", fields.Datetime.now() - timedelta(days=30))]).unlink()
