# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import fields
from odoo.addons.crm_feedback.models.crm_feedback_scoring import PARAM_RUN
from odoo.addons.parand_base.tests.workers import SeveralWorkersCase
from odoo.service.model import retrying
from odoo.tests import tagged
from odoo.tools import SQL, mute_logger

RESULT_FIELDS = ("satisfaction_score", "satisfaction_trend", "nps_category", "rfm_segment",
                 "rfm_code", "churn_risk", "churn_reason", "lifetime_value", "pareto_class")
FAR_FUTURE = datetime(2999, 1, 1)


@tagged("post_install", "-at_install")
class TestCronsOnSeveralWorkers(SeveralWorkersCase):
    """The crons as several workers run them (two cron workers, a manual run): each on its
    own cursor, committing per batch. Each record is processed once, and the result is the
    one of a single run. The data is committed, as a worker sees no other transaction's, and
    removed afterwards; the records the test did not make are left out of the runs."""

    # ------------------------------------------------------------------ score cron

    def _make_accounts(self, env):
        admin = env.ref("base.user_admin")
        stage = env["crm.stage"].create({"name": "Workers Won", "is_won": True})
        accounts = env["res.partner"].create([
            {"name": f"Worker Test Co {i}", "is_company": True, "user_id": admin.id}
            for i in range(12)])
        now = fields.Datetime.now()
        # Even accounts order on their rhythm; odd ones stopped long ago (high churn risk,
        # a follow-up activity each).
        env["crm.lead"].create([{
            "name": f"Order {account.name} {days}", "partner_id": account.id,
            "type": "opportunity", "stage_id": stage.id, "expected_revenue": 100.0 * (i + 1),
            "date_closed": now - timedelta(days=days + (200 if i % 2 else 0)),
        } for i, account in enumerate(accounts) for days in (10, 30, 50)])
        env["crm.feedback"].with_context(feedback_no_followup=True).create([{
            "partner_id": account.id, "channel": "survey", "score_type": "nps",
            "value": i % 11, "date": now - timedelta(days=i)}
            for i, account in enumerate(accounts)])
        # One of our messages and the customer's answer a day later: a response time each.
        env["mail.message"].create([{
            "model": "res.partner", "res_id": account.id, "message_type": "comment",
            "subtype_id": env.ref("mail.mt_comment").id, "author_id": author.id,
            "body": "Hello", "date": now - timedelta(days=days),
        } for account in accounts for author, days in ((admin.partner_id, 3), (account, 2))])
        # The other accounts of the database are out of these runs: scored in the future.
        env.cr.execute(SQL("""
            SELECT id, satisfaction_date FROM res_partner
            WHERE parent_id IS NULL AND NOT (id = ANY(%s))""", accounts.ids))
        others = env.cr.fetchall()
        env.cr.execute(SQL("UPDATE res_partner SET satisfaction_date = %s WHERE id = ANY(%s)",
                           FAR_FUTURE, [row[0] for row in others]))
        env["ir.config_parameter"].set_param(PARAM_RUN, False)
        return stage.id, accounts.ids, others

    def _remove_accounts(self, env, stage_id, ids, others):
        env.cr.execute(SQL("""
            DELETE FROM mail_activity WHERE res_model = 'res.partner' AND res_id = ANY(%(ids)s);
            DELETE FROM mail_message WHERE model = 'res.partner' AND res_id = ANY(%(ids)s);
            DELETE FROM crm_feedback WHERE commercial_partner_id = ANY(%(ids)s);
            DELETE FROM crm_feedback_snapshot WHERE partner_id = ANY(%(ids)s);
            DELETE FROM crm_lead WHERE partner_id = ANY(%(ids)s);
            DELETE FROM res_partner WHERE id = ANY(%(ids)s);
            DELETE FROM crm_stage WHERE id = %(stage)s;
        """, ids=ids, stage=stage_id))
        env.cr.execute(SQL("""
            UPDATE res_partner p SET satisfaction_date = v.date
            FROM unnest(%s::int[], %s::timestamp[]) AS v(id, date) WHERE p.id = v.id
        """, [row[0] for row in others], [row[1] for row in others]))
        env["ir.config_parameter"].set_param(PARAM_RUN, False)

    def _results(self, env, ids):
        accounts = env["res.partner"].browse(ids)
        followups = env["mail.activity"].search([
            ("res_model", "=", "res.partner"), ("res_id", "in", ids),
            ("activity_type_id", "=",
             env.ref("crm_feedback.mail_activity_type_feedback_followup").id)])
        response = env["crm.feedback"].search([("commercial_partner_id", "in", ids),
                                               ("channel", "=", "response")])
        return {
            "accounts": {account.id: tuple(account[name] for name in RESULT_FIELDS)
                         for account in accounts},
            "followups": sorted(followups.mapped("res_id")),
            "snapshots": env["crm.feedback.snapshot"].search_count(
                [("partner_id", "in", ids)]),
            "responses": sorted(response.mapped("commercial_partner_id").ids),
        }

    def _reset_scores(self, env, ids):
        env.cr.execute(SQL("""
            UPDATE res_partner SET satisfaction_date = NULL, churn_risk = NULL
            WHERE id = ANY(%(ids)s);
            DELETE FROM mail_activity WHERE res_model = 'res.partner' AND res_id = ANY(%(ids)s);
            DELETE FROM crm_feedback_snapshot WHERE partner_id = ANY(%(ids)s);
            DELETE FROM crm_feedback WHERE commercial_partner_id = ANY(%(ids)s)
                                       AND channel = 'response';
        """, ids=ids))

    def test_score_cron_twice_at_once_and_a_manual_sync(self):
        stage_id, ids, others = self._committed(self._make_accounts)
        self.addCleanup(self._committed,
                        lambda env: self._remove_accounts(env, stage_id, ids, others))

        def score(env):
            env["crm.feedback.scoring"]._cron_compute(batch_size=4)

        self._committed(score)
        one_run = self._committed(lambda env: self._results(env, ids))
        self.assertEqual(len(one_run["followups"]), 6, "the six accounts that stopped ordering")
        self.assertEqual(len(one_run["responses"]), 12)
        self.assertTrue(all(values[0] is not False for values in one_run["accounts"].values()))

        self._committed(lambda env: self._reset_scores(env, ids))

        def sync_now(env):
            # As the web client's call: retried by Odoo on a serialization failure.
            retrying(lambda: env["res.partner"].browse(ids).action_sync_implicit_feedback(),
                     env)

        # The manual sync waits for the rows a cron holds, then finds them changed since its
        # snapshot: PostgreSQL refuses the statement (odoo.sql_db logs it) and Odoo runs the
        # sync again, as it does a request.
        with mute_logger("odoo.sql_db"):
            self._at_once(score, score, sync_now)
        self.assertEqual(self._committed(lambda env: self._results(env, ids)), one_run)
        self.assertFalse(self._committed(
            lambda env: env["ir.config_parameter"].get_param(PARAM_RUN)), "the run is ended")

    # ------------------------------------------------------------------ overdue cron

    def _make_complaints(self, env):
        leader = env.ref("base.user_admin")
        team = env["crm.team"].create({"name": "Workers Desk", "user_id": leader.id})
        partner = env["res.partner"].create({"name": "Workers Complainant"})
        # The other open complaints are out of this run: escalated already.
        others = env["crm.complaint"].search([("state", "!=", "closed")])
        flags = [(c.id, c.acknowledge_overdue_escalated, c.response_overdue_escalated)
                 for c in others]
        others.write({"acknowledge_overdue_escalated": True,
                      "response_overdue_escalated": True})
        env.cr.execute("SELECT COALESCE(max(id), 0) FROM mail_mail")
        last_mail = env.cr.fetchone()[0]
        complaints = env["crm.complaint"].create([{
            "partner_id": partner.id, "subject": f"Overdue {i}", "description": "Late.",
            "category_id": env.ref("crm_feedback.complaint_category_delivery").id,
            "team_id": team.id, "date_received": datetime(2025, 6, 3, 10, 0),
        } for i in range(9)])
        return {"team": team.id, "partner": partner.id, "ids": complaints.ids, "flags": flags,
                "last_mail": last_mail}

    def _remove_complaints(self, env, made):
        complaints = env["crm.complaint"].browse(made["ids"])
        complaints.activity_ids.unlink()
        complaints.unlink()
        # The digest mails to the leader, and the complaints' own.
        env["mail.mail"].search([("id", ">", made["last_mail"])]).unlink()
        env["res.partner"].browse(made["partner"]).unlink()
        env["crm.team"].browse(made["team"]).unlink()
        for complaint_id, acknowledge, response in made["flags"]:
            env["crm.complaint"].browse(complaint_id).write({
                "acknowledge_overdue_escalated": acknowledge,
                "response_overdue_escalated": response})

    def test_overdue_cron_twice_at_once(self):
        made = self._committed(self._make_complaints)
        self.addCleanup(self._committed, lambda env: self._remove_complaints(env, made))
        ids = made["ids"]

        def escalate(env):
            env["crm.complaint"]._cron_escalate_overdue(batch_size=2)

        self._at_once(escalate, escalate)

        def escalations(env):
            complaints = env["crm.complaint"].browse(ids)
            overdue = env.ref("crm_feedback.mail_activity_type_complaint_overdue")
            return ([len(c.activity_ids.filtered(lambda a: a.activity_type_id == overdue))
                     for c in complaints], complaints.mapped("acknowledge_overdue_escalated"))

        # As one run: one escalation per complaint, each flagged.
        self.assertEqual(self._committed(escalations), ([1] * 9, [True] * 9))
