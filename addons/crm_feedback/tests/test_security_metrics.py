# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Attacks on the feedback measures over RPC: a salesperson reading secrets out of the
survey answers through get_metrics (H1), and the XML-RPC calls that could not carry None."""
import string

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestSecurityMetrics(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.seller = new_test_user(cls.env, "sec_metrics_seller", password="sec_metrics_seller",
                                   groups="sales_team.group_sale_salesman")
        cls.other_seller = new_test_user(cls.env, "sec_metrics_other",
                                         groups="sales_team.group_sale_salesman")
        cls.team, cls.other_team = cls.env["crm.team"].create([
            {"name": "Seller's team", "member_ids": [(6, 0, cls.seller.ids)]},
            {"name": "Other team", "member_ids": [(6, 0, cls.other_seller.ids)]},
        ])
        # A customer of another team, with a complaint the seller cannot read.
        cls.victim = cls.env["res.partner"].create({
            "name": "Victim", "email": "victim@example.ir", "user_id": cls.other_seller.id})
        cls.complaint = cls.env["crm.complaint"].create({
            "partner_id": cls.victim.id, "subject": "Private", "description": "Private",
            "user_id": cls.other_seller.id, "team_id": cls.other_team.id})
        cls.token = cls.complaint._portal_ensure_token()
        # The satisfaction survey of the complaint: an invitation linked to the complaint.
        survey = cls.env.ref("crm_feedback.survey_complaint_satisfaction")
        survey._create_answer(partner=cls.victim, check_attempts=False,
                              complaint_id=cls.complaint.id)
        # The seller's own customer, asked for feedback: what the seller may count.
        cls.own_customer = cls.env["res.partner"].create({"name": "Mine",
                                                          "user_id": cls.seller.id})
        cls.env.ref("crm_feedback.survey_feedback_nps")._create_answer(
            partner=cls.own_customer, check_attempts=False)

    def _call_kw(self, method, args=(), kwargs=None):
        return self.make_jsonrpc_request(f"/web/dataset/call_kw/crm.feedback/{method}", {
            "model": "crm.feedback", "method": method, "args": list(args),
            "kwargs": kwargs or {}})

    def _probe(self, prefix):
        """What the seller learns from asking whether the token starts with `prefix`: the
        number of invitations get_metrics counts, or the error it answers."""
        try:
            with mute_logger("odoo.http"):
                return self._call_kw("get_metrics", kwargs={
                    "domain": [["id", "=", 0]],
                    "invitation_domain": [["complaint_id.access_token", "=like",
                                           f"{prefix}%"]],
                })["invited"]
        except JsonRpcException as error:
            return f"error: {error}"

    def test_salesperson_cannot_read_a_token_through_get_metrics(self):
        self.authenticate("sec_metrics_seller", "sec_metrics_seller")
        # The attack: guess the token one character at a time.
        recovered = ""
        for _position in range(4):
            answers = {char: self._probe(recovered + char)
                       for char in string.hexdigits.lower()[:16] + "-"}
            found = [char for char, invited in answers.items() if invited == 1]
            if len(found) != 1:
                break
            recovered += found[0]
        self.assertNotEqual(recovered, self.token[:4],
                            "get_metrics let a salesperson read a complaint's access token")
        # Whatever the argument, the answer does not depend on the secret.
        wrong = "0" if self.token[0] != "0" else "1"
        self.assertEqual(self._probe(self.token[:1]), self._probe(wrong))

    def test_invitations_counted_follow_the_salespersons_rights(self):
        """The response rate of a salesperson counts their own customers' invitations only,
        like the feedback they see."""
        metrics = self.env["crm.feedback"].with_user(self.seller).get_metrics([])
        self.assertEqual(metrics["invited"], 1, "only the invitation of the seller's customer")
        everything = self.env["crm.feedback"].get_metrics([])
        self.assertGreaterEqual(everything["invited"], 2)

    def test_get_metrics_typed_filters(self):
        Feedback = self.env["crm.feedback"]
        self.assertEqual(Feedback.get_metrics([], partner_ids=self.victim.ids)["invited"], 1)
        self.assertEqual(Feedback.get_metrics([], team_id=self.other_team.id)["invited"], 1)
        self.assertEqual(Feedback.get_metrics([], date_from="2000-01-01 00:00:00",
                                              date_to="2000-12-31 00:00:00")["invited"], 0)
        with self.assertRaises(ValidationError) as caught:
            Feedback.get_metrics([], date_from="yesterday")
        self.assertIn(self.env._("From"), str(caught.exception))

    def test_xmlrpc_get_metrics_and_dashboard(self):
        """XML-RPC cannot send None: the empty measures come back as False."""
        uid = self.seller.id
        metrics = self.xmlrpc_object.execute(
            self.env.cr.dbname, uid, "sec_metrics_seller", "crm.feedback", "get_metrics",
            [["id", "=", 0]])
        self.assertIs(metrics["nps"], False)
        self.assertIs(metrics["csat"], False)
        self.assertEqual(metrics["count"], 0)
        data = self.xmlrpc_object.execute(
            self.env.cr.dbname, uid, "sec_metrics_seller", "crm.feedback",
            "get_dashboard_data", 30)
        self.assertIn("metrics", data)
        self.assertIs(data["metrics"]["nps_margin"], False)
