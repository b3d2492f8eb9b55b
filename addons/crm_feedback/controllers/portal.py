# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from ..tools.complaint_form import MAX_REJECTION_REASON


class ComplaintPortal(CustomerPortal):
    """The customer's complaints on the portal: list, follow one, accept or reject our response.

    Read access is the portal record rule (own commercial partner) or the complaint's access
    token; answers are checked the same way before anything is written.
    """

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["crm.complaint"]
            values["complaint_count"] = Complaint.search_count([]) \
                if Complaint.has_access("read") else 0
        return values

    @http.route(["/my/complaints", "/my/complaints/page/<int:page>"], type="http",
                auth="user", website=True, readonly=True)
    def portal_my_complaints(self, page=1, **kw):
        Complaint = request.env["crm.complaint"]
        values = self._prepare_portal_layout_values()
        count = Complaint.search_count([])
        pager = portal_pager(url="/my/complaints", total=count, page=page,
                             step=self._items_per_page)
        complaints = Complaint.search([], order="date_received desc, id desc",
                                      limit=self._items_per_page, offset=pager["offset"])
        values.update(complaints=complaints, pager=pager, page_name="complaint",
                      default_url="/my/complaints")
        request.session["my_complaints_history"] = complaints.ids[:100]
        return request.render("crm_feedback.portal_my_complaints", values)

    @http.route(["/my/complaints/<int:complaint_id>"], type="http", auth="public", website=True,
                readonly=True)
    def portal_my_complaint(self, complaint_id, access_token=None, message=None, **kw):
        try:
            complaint_sudo = self._document_check_access("crm.complaint", complaint_id,
                                                         access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(complaint_sudo, access_token,
                                            {"complaint": complaint_sudo, "page_name": "complaint",
                                             "message": message},
                                            "my_complaints_history", False)
        return request.render("crm_feedback.portal_my_complaint", values)

    @http.route(["/my/complaints/<int:complaint_id>/answer"], type="http", auth="public",
                methods=["POST"], website=True)
    def portal_complaint_answer(self, complaint_id, decision=None, access_token=None,
                                reason=None, **kw):
        try:
            complaint_sudo = self._document_check_access("crm.complaint", complaint_id,
                                                         access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        url = complaint_sudo.get_portal_url()
        try:
            # The document check above stands for the customer's right to answer; the
            # complaint is written as superuser because customers cannot write complaints.
            if decision == "accept":
                complaint_sudo._customer_accept()
                message = "accepted"
            elif decision == "reject":
                if len(reason or "") > MAX_REJECTION_REASON:
                    raise UserError(request.env._(
                        "Reason: write at most %(max)s characters.", max=MAX_REJECTION_REASON))
                complaint_sudo._customer_reject(reason)
                message = "rejected"
            else:
                raise UserError(request.env._("Decision: choose to accept or reject the response."))
        except UserError as error:
            request.env.cr.rollback()
            values = self._get_page_view_values(
                complaint_sudo, access_token,
                {"complaint": complaint_sudo, "page_name": "complaint", "error": str(error)},
                "my_complaints_history", False)
            return request.render("crm_feedback.portal_my_complaint", values)
        return request.redirect(f"{url}&message={message}" if "?" in url
                                else f"{url}?message={message}")


class FeedbackSurveyPortal(CustomerPortal):
    """The customer's pending feedback survey invitations on the portal, each linked to its
    own token URL. Answering stays the survey module's job: its token and partner checks
    refuse another customer's invitation."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "feedback_survey_count" in counters:
            values["feedback_survey_count"] = request.env["survey.user_input"]\
                ._feedback_pending_for(request.env.user.partner_id, count=True)
        return values

    @http.route(["/my/feedback-surveys", "/my/feedback-surveys/page/<int:page>"], type="http",
                auth="user", website=True, readonly=True)
    def portal_my_feedback_surveys(self, page=1, **kw):
        Answer = request.env["survey.user_input"]
        partner = request.env.user.partner_id
        values = self._prepare_portal_layout_values()
        pager = portal_pager(url="/my/feedback-surveys",
                             total=Answer._feedback_pending_for(partner, count=True),
                             page=page, step=self._items_per_page)
        invitations = Answer._feedback_pending_for(partner, limit=self._items_per_page,
                                                   offset=pager["offset"])
        values.update(invitations=invitations, pager=pager, page_name="feedback_survey",
                      default_url="/my/feedback-surveys")
        return request.render("crm_feedback.portal_my_feedback_surveys", values)
