# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The entry points Odoo may serve from a read-only replica (issue 15).

Odoo 18 opens a read-only cursor (on `db_replica_host` when one is configured) for the
routes marked `readonly=True` and for the RPC calls of methods marked `@api.readonly`; a
write there fails and Odoo replays the whole request on the primary, logging a warning.
HttpCase serves requests on a cursor in `SET TRANSACTION READ ONLY` mode, so each request
below shows which cursor Odoo chose and proves that the read-only ones write nothing.
"""
import contextlib
import inspect
from unittest.mock import patch

from odoo import http
from odoo.addons.crm_feedback.controllers.complaint_form import ComplaintForm
from odoo.addons.crm_feedback.controllers.portal import ComplaintPortal, FeedbackSurveyPortal
from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged

# The RPC methods of crm_feedback's models that only read.
READONLY_METHODS = {("crm.feedback", "get_metrics"), ("crm.feedback", "get_dashboard_data")}
# The routes that only read, and those that write (or may write) and must stay read/write.
READONLY_ROUTES = {"complaint_form", "complaint_received", "portal_my_complaints",
                   "portal_my_complaint", "portal_my_feedback_surveys"}
READ_WRITE_ROUTES = {"complaint_submit", "portal_complaint_answer"}
# Read-only when shown (GET), read/write when confirmed (POST).
METHOD_DEPENDENT_ROUTES = {"complaint_contact_link"}


@tagged("post_install", "-at_install")
class TestReadonlyEntryPoints(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = new_test_user(cls.env, "ro_owner", password="ro_owner_pw",
                                  groups="base.group_portal", email="ro.owner@example.ir")
        cls.manager = new_test_user(cls.env, "ro_manager", password="ro_manager_pw",
                                    groups="sales_team.group_sale_manager")
        cls.customer = cls.env["res.partner"].create({"name": "Linked Customer",
                                                      "email": "linked@example.ir"})
        cls.complaint = cls.env["crm.complaint"].create({
            "partner_id": cls.owner.partner_id.id, "subject": "Late delivery",
            "description": "Two weeks late",
            "category_id": cls.env.ref("crm_feedback.complaint_category_product").id})
        cls.complaint._portal_ensure_token()
        cls.complaint.action_acknowledge()
        cls.complaint.action_assess()
        cls.complaint.action_investigate()
        cls.complaint.response = "We refund the delivery"
        cls.complaint.action_respond()
        cls.env["crm.feedback"].with_context(feedback_no_followup=True).create({
            "partner_id": cls.owner.partner_id.id, "channel": "survey", "score_type": "nps",
            "value": 9})
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("crm_feedback.complaint_form_max_per_window", 100)
        params.set_param("crm_feedback.complaint_form_max_per_minute", 100)

    @contextlib.contextmanager
    def _cursor_modes(self):
        """The cursor mode of each request served inside: True when read-only. A read-only
        request that tried to write would be replayed read/write with a warning: none is
        allowed."""
        modes = []
        transactioning = Request._transactioning

        def spy(request, func, readonly):
            modes.append(readonly)
            return transactioning(request, func, readonly)

        with patch.object(Request, "_transactioning", spy), \
                self.assertNoLogs("odoo.http", "WARNING"):
            yield modes

    def _get(self, url):
        """The set of cursor modes that served `url` (and the redirects it made)."""
        with self._cursor_modes() as modes:
            response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return set(modes)

    def _rpc(self, model, method, args=(), kwargs=None):
        with self._cursor_modes() as modes:
            self.make_jsonrpc_request(f"/web/dataset/call_kw/{model}/{method}", {
                "model": model, "method": method, "args": list(args), "kwargs": kwargs or {}})
        return set(modes)

    # ------------------------------------------------------------------ read-only

    def test_public_pages_are_served_read_only(self):
        self.authenticate(None, None)
        self.assertEqual(self._get("/complaint/new"), {True})
        self.assertEqual(self._get(f"/complaint/received/{self.complaint.id}"
                                   f"?access_token={self.complaint.access_token}"), {True})
        self.assertEqual(self._get(self.complaint.get_portal_url()), {True})

    def test_portal_pages_are_served_read_only(self):
        self.authenticate("ro_owner", "ro_owner_pw")
        self.assertEqual(self._get("/my/complaints"), {True})
        self.assertEqual(self._get("/my/complaints/page/2"), {True})
        self.assertEqual(self._get(f"/my/complaints/{self.complaint.id}"), {True})
        self.assertEqual(self._get("/my/feedback-surveys"), {True})

    def test_dashboard_methods_run_read_only(self):
        self.authenticate("ro_manager", "ro_manager_pw")
        self.assertEqual(self._rpc("crm.feedback", "get_dashboard_data", [90]), {True})
        self.assertEqual(self._rpc("crm.feedback", "get_metrics", [[]]), {True})

    # ------------------------------------------------------------------ read/write

    def test_posts_are_served_read_write(self):
        self.authenticate(None, None)
        with self._cursor_modes() as modes:
            response = self.url_open("/complaint/submit", allow_redirects=False, data={
                "csrf_token": http.Request.csrf_token(self), "name": "Sara Ahmadi",
                "email": "linked@example.ir", "phone": "", "subject": "Broken",
                "description": "It broke at once", "remedy": ""})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(modes, [False])
        link = self.env["crm.complaint.contact.link"].search(
            [("partner_id", "=", self.customer.id)])
        self.assertEqual(self._get(link._url()), {True})
        with self._cursor_modes() as modes:
            self.url_open(link._url(), data={"csrf_token": http.Request.csrf_token(self)})
        self.assertEqual(modes, [False])
        self.assertEqual(link.state, "done")
        with self._cursor_modes() as modes:
            self.url_open(f"/my/complaints/{self.complaint.id}/answer", data={
                "csrf_token": http.Request.csrf_token(self), "decision": "accept",
                "access_token": self.complaint.access_token})
        self.assertEqual(modes[0], False)

    def test_actions_run_read_write(self):
        self.authenticate("ro_manager", "ro_manager_pw")
        complaint = self.env["crm.complaint"].create({
            "partner_id": self.customer.id, "subject": "Wrong size", "description": "Too small"})
        self.assertEqual(self._rpc("crm.complaint", "action_acknowledge", [complaint.ids]),
                         {False})
        self.assertEqual(complaint.state, "acknowledged")

    # ------------------------------------------------------------------ the marks

    def test_only_reading_entry_points_are_marked(self):
        """Every method of crm_feedback's models marked @api.readonly is a reader of the
        list above, and no action (buttons write) is marked."""
        marked = set()
        for model in self.env.registry.values():
            for cls in model.__mro__:
                if not cls.__module__.startswith("odoo.addons.crm_feedback."):
                    continue
                for name, method in vars(cls).items():
                    if getattr(method, "_readonly", False):
                        marked.add((model._name, name))
                    if name.startswith("action_"):
                        self.assertFalse(getattr(getattr(model, name), "_readonly", False),
                                         f"{model._name}.{name} writes: it must not be "
                                         "@api.readonly")
        self.assertEqual(marked, READONLY_METHODS)
        routes = {}
        for controller in (ComplaintForm, ComplaintPortal, FeedbackSurveyPortal):
            for name, method in vars(controller).items():
                routing = getattr(method, "original_routing", None)
                if inspect.isfunction(method) and routing:
                    routes[name] = routing.get("readonly")
        self.assertEqual({name for name, mode in routes.items() if mode is True},
                         READONLY_ROUTES)
        self.assertEqual({name for name, mode in routes.items() if callable(mode)},
                         METHOD_DEPENDENT_ROUTES)
        self.assertEqual({name for name, mode in routes.items() if not mode},
                         READ_WRITE_ROUTES)
