# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.addons.parand_base.tools.persian import reader_number
from odoo.tools import SQL


class CrmFeedbackImplicit(models.AbstractModel):
    """Implicit feedback derived from what customers do in the other apps, per batch of
    accounts, by set-based SQL: how fast they answer us here; bridges add theirs with
    super() (crm_feedback_account: credit notes as returns).

    Derived feedback is keyed (`source_key`, unique) and upserted, so that deriving it again
    rewrites nothing; the accounts of a batch are locked first, in id order, so that the
    score cron and a manual sync of the same accounts take turns instead of interleaving.
    """

    _name = "crm.feedback.implicit"
    _description = "Implicit Customer Feedback"

    @api.model
    def _sync(self, ids):
        """Derive the implicit feedback of the accounts `ids` (sorted ids)."""
        self.env.cr.execute(SQL("""
            SELECT id FROM res_partner WHERE id = ANY(%s) ORDER BY id FOR NO KEY UPDATE
        """, ids))
        self._sync_response_times(ids)

    @api.model
    def _account_contacts(self, ids):
        """SQL of the contacts of the accounts `ids`, the accounts included: (id, account)
        rows, for the batch queries that read what the contacts did (here and in the score
        cron), as a MATERIALIZED `contact` CTE joined once."""
        return SQL("SELECT id, commercial_partner_id AS account FROM res_partner"
                   " WHERE commercial_partner_id = ANY(%s)", ids)

    @api.model
    def _recompute_tone(self, feedback):
        """Feedback written by SQL with a new comment: its tone, computed in one pass."""
        Feedback = self.env["crm.feedback"]
        Feedback.invalidate_model()
        if feedback:
            for name in ("sentiment", "sentiment_label"):
                self.env.add_to_compute(Feedback._fields[name], feedback)
            feedback.flush_recordset()

    @api.model
    def _response_time_comment(self, account, hours, count, days):
        """The response-time feedback as the account's staff read it: in the language of its
        salesperson (else the language it is computed in), with Persian digits for a Persian
        reader. It is computed by the score cron, whose language is not the salesperson's."""
        lang = account.user_id.lang or self.env.lang or "en_US"
        return self.with_context(lang=lang).env._(
            "Median response time: %(hours)s hours over %(count)s replies in %(days)s days.",
            # under an hour, two decimals: "0.25", not "0.0"
            hours=reader_number(hours, lang, decimals=2 if hours < 1 else 1),
            count=reader_number(count, lang), days=reader_number(days, lang))

    @api.model
    def _sync_response_times(self, ids):
        """How fast each account of `ids` answers us: the median hours between one of our
        emails or messages (on the account, its contacts or their opportunities) and the
        customer's next message in the same thread, over the response window. Stored on the
        account and kept as one implicit 'response' feedback per account (keyed
        `response:<account id>`). One query with window functions, one UPDATE, one upsert
        and one delete per batch. Internal notes are not contacts."""
        cr = self.env.cr
        self.env.flush_all()
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "crm_feedback.response_window_days", 90))
        cr.execute(SQL("""
            WITH contact AS MATERIALIZED (%(contacts)s), thread AS (
                SELECT 'res.partner'::varchar AS model, id AS res_id, account FROM contact
                UNION ALL
                SELECT 'crm.lead', l.id, c.account
                FROM crm_lead l JOIN contact c ON c.id = l.partner_id
                -- The contacts as an array computed first, so that PostgreSQL reads their
                -- leads through the index on partner_id instead of the whole table.
                WHERE l.partner_id = ANY(ARRAY(SELECT id FROM contact))
            ), message AS (
                SELECT t.account, m.model, m.res_id, m.date, m.id,
                       author.commercial_partner_id = t.account AS theirs,
                       EXISTS (SELECT 1 FROM res_users u
                               WHERE u.partner_id = m.author_id AND NOT u.share) AS ours
                FROM thread t
                JOIN mail_message m ON m.model = t.model AND m.res_id = t.res_id
                LEFT JOIN res_partner author ON author.id = m.author_id
                LEFT JOIN mail_message_subtype st ON st.id = m.subtype_id
                WHERE m.message_type IN ('email', 'comment')
                  AND NOT COALESCE(m.is_internal, false) AND NOT COALESCE(st.internal, false)
                  AND m.date >= now() AT TIME ZONE 'UTC' - make_interval(days => %(days)s)
            ), exchange AS (
                SELECT account, theirs, date,
                       lag(ours) OVER thread_order AS after_ours,
                       lag(date) OVER thread_order AS asked
                FROM message WHERE theirs OR ours
                WINDOW thread_order AS (PARTITION BY model, res_id ORDER BY date, id)
            )
            SELECT account,
                   percentile_cont(0.5) WITHIN GROUP (
                       ORDER BY EXTRACT(EPOCH FROM (date - asked)) / 3600.0),
                   count(*), max(date)
            FROM exchange WHERE theirs AND after_ours
            GROUP BY account
        """, contacts=self._account_contacts(ids), days=days))
        replies = {row[0]: row[1:] for row in cr.fetchall()}
        cr.execute(SQL("""
            UPDATE res_partner p SET feedback_response_hours = v.hours
            FROM unnest(%s::int[], %s::float8[]) AS v(id, hours)
            WHERE p.id = v.id AND p.feedback_response_hours IS DISTINCT FROM v.hours
        """, ids, [round(replies[i][0], 2) if i in replies else None for i in ids]))
        Partner = self.env["res.partner"]
        Partner.invalidate_model(["feedback_response_hours"])
        # sudo: derived feedback follows the messages, whoever runs the sync.
        self.env["crm.feedback"].sudo().search(
            [("source_key", "in", [f"response:{i}" for i in ids if i not in replies])]).unlink()
        accounts = list(replies)
        # one recordset: the salespersons' languages are read together
        comments = [self._response_time_comment(account, replies[account.id][0],
                                                replies[account.id][1], days)
                    for account in Partner.browse(accounts)]
        cr.execute(SQL("""
            INSERT INTO crm_feedback (
                source_key, partner_id, commercial_partner_id, user_id, team_id, company_id,
                kind, channel, value, score, comment, date, followup_state,
                followup_escalated, create_uid, write_uid, create_date, write_date)
            SELECT 'response:' || p.id, p.id, p.id, u.id, member.crm_team_id,
                   COALESCE(p.company_id, %(company)s), 'implicit', 'response', 0, 0,
                   v.comment, v.date, 'none', false, %(uid)s, %(uid)s,
                   now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
            FROM unnest(%(accounts)s::int[], %(comments)s::text[], %(dates)s::timestamp[])
                 AS v(id, comment, date)
            JOIN res_partner p ON p.id = v.id
            LEFT JOIN res_users u ON u.id = p.user_id
            LEFT JOIN LATERAL (
                SELECT tm.crm_team_id FROM crm_team_member tm
                WHERE tm.user_id = u.id AND tm.active
                ORDER BY tm.create_date, tm.id LIMIT 1) member ON true
            ON CONFLICT (source_key) DO UPDATE
            SET comment = EXCLUDED.comment, date = EXCLUDED.date,
                write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
            WHERE (crm_feedback.comment, crm_feedback.date)
                  IS DISTINCT FROM (EXCLUDED.comment, EXCLUDED.date)
            RETURNING id
        """, accounts=accounts, comments=comments, dates=[replies[i][2] for i in accounts],
            uid=self.env.uid, company=self.env.company.id))
        self._recompute_tone(self.env["crm.feedback"].browse(row[0] for row in cr.fetchall()))
        return replies
