# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

PDF = b"%PDF-1.4 complaint evidence"


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.owner = new_test_user(cls.env, "cmp_owner", password="cmp_owner_pw",
                                  groups="base.group_portal", email="owner@example.ir")
        cls.intruder = new_test_user(cls.env, "cmp_intruder", password="cmp_intruder_pw",
                                     groups="base.group_portal")
        cls.complaint = cls.env["crm.complaint"].create({
            "partner_id": cls.owner.partner_id.id, "subject": "Secret broken fridge",
            "description": "It broke", "category_id": cls.env.ref(
                "crm_feedback.complaint_category_product").id})
        cls.complaint.action_acknowledge()
        cls.complaint.action_assess()
        cls.complaint.action_investigate()
        cls.complaint.response = "We will replace it"
        cls.complaint.action_respond()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("crm_feedback.complaint_form_max_per_window", 100)
        params.set_param("crm_feedback.complaint_form_max_attachment_kb", 1)

    def _t(self, text, user=None):
        """`text` as the page shows it: in the language of the visitor (public or `user`)."""
        user = user or self.env.ref("base.public_user")
        return self.env(context={"lang": user.lang or "en_US"})._(text)

    def _answer(self, decision, token=None, reason=""):
        data = {"csrf_token": http.Request.csrf_token(self), "decision": decision,
                "reason": reason}
        if token:
            data["access_token"] = token
        return self.url_open(f"/my/complaints/{self.complaint.id}/answer", data=data)

    def test_owner_follows_and_accepts(self):
        self.authenticate("cmp_owner", "cmp_owner_pw")
        listing = self.url_open("/my/complaints")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.complaint.name, listing.text)
        page = self.url_open(f"/my/complaints/{self.complaint.id}")
        self.assertIn("Secret broken fridge", page.text)
        self.assertIn("We will replace it", page.text)
        self._answer("accept")
        self.assertEqual(self.complaint.customer_decision, "accepted")

    def test_owner_rejects_with_reason(self):
        self.authenticate("cmp_owner", "cmp_owner_pw")
        response = self._answer("reject", reason="")
        self.assertIn(self._t("Reason: tell us why the response does not resolve your "
                              "complaint.", self.owner), response.text)
        self.assertEqual(self.complaint.state, "responded")
        self._answer("reject", reason="Still broken")
        self.assertEqual(self.complaint.state, "reopened")
        self.assertEqual(self.complaint.rejection_reason, "Still broken")

    @mute_logger("odoo.http")
    def test_other_portal_user_can_neither_read_nor_answer(self):
        self.authenticate("cmp_intruder", "cmp_intruder_pw")
        listing = self.url_open("/my/complaints")
        self.assertNotIn(self.complaint.name, listing.text)
        page = self.url_open(f"/my/complaints/{self.complaint.id}")
        self.assertNotIn("Secret broken fridge", page.text)
        self._answer("reject", reason="I am not the owner")
        self._answer("accept", token="wrong-token")
        self.assertEqual(self.complaint.state, "responded")
        self.assertFalse(self.complaint.customer_decision)

    def test_token_gives_access_without_login(self):
        self.authenticate(None, None)
        token = self.complaint._portal_ensure_token()
        page = self.url_open(f"/my/complaints/{self.complaint.id}?access_token={token}")
        self.assertIn("Secret broken fridge", page.text)
        page = self.url_open(f"/my/complaints/{self.complaint.id}?access_token=nope")
        self.assertNotIn("Secret broken fridge", page.text)
        self._answer("accept", token=token)
        self.assertEqual(self.complaint.customer_decision, "accepted")

    # ------------------------------------------------------------------ public form

    def _post_form(self, files=None, **fields):
        data = dict({"csrf_token": http.Request.csrf_token(self), "name": "Nima Rahimi",
                     "email": "nima@example.ir", "phone": "", "subject": "Rude staff",
                     "description": "The clerk shouted at me."}, **fields)
        return self.url_open("/complaint/submit", data=data, files=files or {})

    def _complaints(self):
        return self.env["crm.complaint"].search_count([("channel", "=", "web_form")])

    def test_public_form_creates_partner_and_complaint(self):
        self.authenticate(None, None)
        self.assertEqual(self.url_open("/complaint/new").status_code, 200)
        response = self._post_form(files={"attachments": ("evidence.pdf", PDF,
                                                          "application/pdf")})
        self.assertEqual(response.status_code, 200)
        complaint = self.env["crm.complaint"].search([("channel", "=", "web_form")])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.partner_id.email, "nima@example.ir")
        self.assertIn(complaint.name, response.text)  # redirected to its token page
        attachments = self.env["ir.attachment"].search([("res_model", "=", "crm.complaint"),
                                                        ("res_id", "=", complaint.id)])
        self.assertEqual(attachments.mapped("name"), ["evidence.pdf"])

    def test_public_form_bad_inputs_store_nothing(self):
        self.authenticate(None, None)
        partners = self.env["res.partner"].search_count([])
        response = self._post_form(email="", phone="")
        self.assertEqual(response.status_code, 400)
        self.assertIn(self._t("give an email address or a phone number so that we can "
                              "answer you"), response.text)
        response = self._post_form(email="not-an-email")
        self.assertEqual(response.status_code, 400)
        response = self._post_form(description="")
        self.assertEqual(response.status_code, 400)
        response = self._post_form(files={"attachments": ("big.pdf", PDF + b"x" * 2000,
                                                          "application/pdf")})
        self.assertEqual(response.status_code, 400)
        self.assertIn(self._t("this file is larger than allowed"), response.text)
        response = self._post_form(files={"attachments": ("invoice.pdf", b"MZ\x90\x00exe",
                                                          "application/pdf")})
        self.assertEqual(response.status_code, 400)
        self.assertIn(self._t("only PDF, image and text files are accepted"), response.text)
        self.assertEqual(self._complaints(), 0)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_public_form_rate_limit(self):
        self.authenticate(None, None)
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_feedback.complaint_form_max_per_window", 2)
        self.assertEqual(self._post_form(subject="One").status_code, 200)
        self.assertEqual(self._post_form(subject="Two").status_code, 200)
        response = self._post_form(subject="Three")
        self.assertEqual(response.status_code, 429)
        self.assertIn(self._t("You sent too many complaints in a short time. Please try "
                              "again later or call us."), response.text)
        self.assertEqual(self._complaints(), 2)
