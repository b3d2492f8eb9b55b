# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools import scores
from ..tools.reader_numbers import reader_number

_logger = logging.getLogger(__name__)

CHURN_RISKS = [("low", "Low"), ("medium", "Medium"), ("high", "High")]
CHURN_REASONS = [
    ("active", "Orders on their usual rhythm"),
    ("late_order", "Next order later than usual"),
    ("overdue_order", "No order for twice the usual gap"),
    ("inactive", "No order for a year"),
    ("dissatisfied", "Dissatisfied"),
]
RFM_SEGMENTS = [
    ("champion", "Champion"),
    ("loyal", "Loyal"),
    ("potential", "Potential Loyalist"),
    ("new", "New"),
    ("at_risk", "At Risk"),
    ("cant_lose", "Cannot Lose Them"),
    ("hibernating", "Hibernating"),
    ("lost", "Lost"),
    ("none", "No Purchase"),
]
MEASURES = ("nps", "csat", "ces", "rating", "sentiment", "implicit")
DEFAULT_WEIGHTS = {"nps": 3.0, "csat": 3.0, "ces": 2.0, "rating": 2.0, "sentiment": 1.0,
                   "implicit": 2.0}
IMPLICIT_BY_RISK = {"low": 100.0, "medium": 50.0, "high": 0.0}
PARAM_CURSOR = "crm_feedback.score_cursor"
PARAM_RUN = "crm_feedback.score_run"
SYNC_BATCH = 2000
# The account figures are the sales team's: other employees and portal users do not read them.
SALES = "sales_team.group_sale_salesman"


class ResPartner(models.Model):
    """Satisfaction score, segments and churn risk of an account, written in batches by the
    score cron from set-based SQL aggregates (never a query per partner)."""

    _inherit = "res.partner"

    feedback_ids = fields.One2many("crm.feedback", "commercial_partner_id", groups=SALES)
    feedback_count = fields.Integer(compute="_compute_feedback_count", groups=SALES)
    satisfaction_score = fields.Float(
        readonly=True, copy=False, aggregator="avg",
        help="0-100: weighted mean of the customer's NPS, CSAT, CES, ratings, comment sentiment "
             "and buying behaviour, recent feedback weighing more (see the CRM settings).",
        groups=SALES)
    # A float column reads NULL as 0, the worst score: this tells "no score yet" from 0.
    satisfaction_known = fields.Boolean(
        "Has a Satisfaction Score", readonly=True, copy=False, groups=SALES)
    satisfaction_trend = fields.Float(
        readonly=True, copy=False, aggregator="avg",
        help="Change of the score since the snapshot of one trend period ago.",
        groups=SALES)
    satisfaction_date = fields.Datetime("Score Computed On", readonly=True, copy=False,
                                        groups=SALES)
    nps_category = fields.Selection(
        [("promoter", "Promoter"), ("passive", "Passive"), ("detractor", "Detractor")],
        "NPS Category", readonly=True, copy=False, groups=SALES,
        help="From the customer's latest NPS answer.")
    rfm_segment = fields.Selection(RFM_SEGMENTS, "RFM Segment", readonly=True, copy=False,
                                   groups=SALES)
    rfm_code = fields.Char("RFM", readonly=True, copy=False, groups=SALES,
                           help="Recency, frequency and monetary quintiles, 5 being the best.")
    churn_risk = fields.Selection(CHURN_RISKS, readonly=True, copy=False, groups=SALES)
    churn_reason = fields.Selection(CHURN_REASONS, readonly=True, copy=False, groups=SALES)
    lifetime_value = fields.Float(readonly=True, copy=False, groups=SALES,
                                  help="Yearly revenue so far projected over three years.")
    pareto_class = fields.Selection(
        [("A", "A (80% of revenue)"), ("B", "B (next 15%)"), ("C", "C (last 5%)")],
        readonly=True, copy=False, groups=SALES)
    feedback_response_hours = fields.Float(
        "Response Time (Hours)", readonly=True, copy=False, aggregator="avg",
        help="Median time the customer took to answer our emails and messages on the account "
             "and its opportunities, over the days of the response window (system parameter "
             "crm_feedback.response_window_days, 90 by default).",
        groups=SALES)

    def _compute_feedback_count(self):
        counts = dict(self.env["crm.feedback"]._read_group(
            [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
            ["commercial_partner_id"], ["__count"]))
        for partner in self:
            partner.feedback_count = counts.get(partner.commercial_partner_id, 0)

    # ------------------------------------------------------------------ actions

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("crm_feedback.crm_feedback_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_log_feedback(self):
        self.ensure_one()
        return self.env["crm.feedback.log"]._action_open(self)

    def action_send_feedback_survey(self):
        self.ensure_one()
        return self._action_send_feedback_survey()

    def _action_send_feedback_survey(self, lead=None):
        if not self:
            raise UserError(self.env._("Customer: choose the customer to ask first."))
        survey = self.env.ref("crm_feedback.survey_feedback_nps", raise_if_not_found=False)
        context = {"default_partner_ids": self.ids, "default_survey_id": survey.id if survey
                   else False, "feedback_lead_id": lead.id if lead else False}
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ask for Feedback"),
            "res_model": "survey.invite",
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    # ------------------------------------------------------------------ survey fatigue

    def _feedback_fatigued(self, now=None):
        """The partners not to ask again: asked within the rest days, or as often as allowed
        in the last year, counting feedback survey invitations and rating requests. Two
        grouped queries for the whole recordset."""
        params = self.env["ir.config_parameter"].sudo()
        rest_days = int(params.get_param("crm_feedback.fatigue_days", 30))
        max_year = int(params.get_param("crm_feedback.fatigue_max", 4))
        now = now or fields.Datetime.now()
        year_ago = fields.Datetime.subtract(now, days=365)
        rest_from = fields.Datetime.subtract(now, days=rest_days)
        asked = {}
        invitations = self.env["survey.user_input"].sudo()._read_group(
            [("partner_id", "in", self.ids), ("survey_id.feedback_score_type", "!=", False),
             ("test_entry", "=", False), ("create_date", ">=", year_ago)],
            ["partner_id"], ["__count", "create_date:max"])
        ratings = self.env["rating.rating"].sudo()._read_group(
            [("partner_id", "in", self.ids), ("create_date", ">=", year_ago),
             ("res_model", "in", ("crm.lead", "res.partner"))],
            ["partner_id"], ["__count", "create_date:max"])
        for partner, count, last in invitations + ratings:
            total, latest = asked.get(partner, (0, last))
            asked[partner] = (total + count, max(latest, last))
        fatigued = self.browse()
        for partner, (count, last) in asked.items():
            if count >= max_year or last > rest_from:
                fatigued |= partner
        return fatigued

    # ------------------------------------------------------------------ implicit feedback

    def action_sync_implicit_feedback(self):
        """On demand: derive the implicit feedback of the selected accounts now (the score
        cron does it before scoring), in batches."""
        if not self.env.user.has_group("sales_team.group_sale_manager"):
            raise AccessError(self.env._(
                "Implicit feedback: only sales administrators can derive it."))
        ids = sorted(set(self.commercial_partner_id.ids))
        for start in range(0, len(ids), SYNC_BATCH):
            self._feedback_sync_implicit(ids[start:start + SYNC_BATCH])
        return {
            "type": "ir.actions.client", "tag": "display_notification",
            "params": {"type": "success", "message": self.env._(
                "Implicit feedback derived for %(count)s accounts.", count=len(ids))},
        }

    @api.model
    def _feedback_sync_implicit(self, ids):
        """Derive the implicit feedback of the accounts `ids` from the other apps: the
        response times here; bridges add theirs (crm_feedback_account: credit notes)."""
        self._feedback_sync_response_times(ids)

    @api.model
    def _feedback_recompute_tone(self, feedback):
        """Feedback written by SQL with a new comment: its tone, computed in one pass."""
        Feedback = self.env["crm.feedback"]
        Feedback.invalidate_model()
        if feedback:
            for name in ("sentiment", "sentiment_label"):
                self.env.add_to_compute(Feedback._fields[name], feedback)
            feedback.flush_recordset()

    def _response_time_comment(self, hours, count, days):
        """The response-time feedback as the account's staff read it: in the language of its
        salesperson (else the language it is computed in), with Persian digits for a Persian
        reader. It is computed by the score cron, whose language is not the salesperson's."""
        self.ensure_one()
        lang = self.user_id.lang or self.env.lang or "en_US"
        return self.with_context(lang=lang).env._(
            "Median response time: %(hours)s hours over %(count)s replies in %(days)s days.",
            # under an hour, two decimals: "0.25", not "0.0"
            hours=reader_number(hours, lang, decimals=2 if hours < 1 else 1),
            count=reader_number(count, lang), days=reader_number(days, lang))

    @api.model
    def _feedback_sync_response_times(self, ids):
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
        cr.execute("""
            WITH thread AS (
                SELECT 'res.partner'::varchar AS model, p.id AS res_id,
                       p.commercial_partner_id AS account
                FROM res_partner p WHERE p.commercial_partner_id = ANY(%(ids)s)
                UNION ALL
                SELECT 'crm.lead', l.id, p.commercial_partner_id
                FROM crm_lead l JOIN res_partner p ON p.id = l.partner_id
                WHERE p.commercial_partner_id = ANY(%(ids)s)
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
        """, {"ids": ids, "days": days})
        replies = {row[0]: row[1:] for row in cr.fetchall()}
        cr.execute("""
            UPDATE res_partner p SET feedback_response_hours = v.hours
            FROM unnest(%s::int[], %s::float8[]) AS v(id, hours)
            WHERE p.id = v.id AND p.feedback_response_hours IS DISTINCT FROM v.hours
        """, (ids, [round(replies[i][0], 2) if i in replies else None for i in ids]))
        self.invalidate_model(["feedback_response_hours"])
        # sudo: derived feedback follows the messages, whoever runs the sync.
        self.env["crm.feedback"].sudo().search(
            [("source_key", "in", [f"response:{i}" for i in ids if i not in replies])]).unlink()
        accounts = list(replies)
        # one recordset: the salespersons' languages are read together
        comments = [account._response_time_comment(replies[account.id][0],
                                                   replies[account.id][1], days)
                    for account in self.browse(accounts)]
        cr.execute("""
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
        """, {"accounts": accounts, "comments": comments,
              "dates": [replies[i][2] for i in accounts], "uid": self.env.uid,
              "company": self.env.company.id})
        self._feedback_recompute_tone(
            self.env["crm.feedback"].browse(row[0] for row in cr.fetchall()))
        return replies

    # ------------------------------------------------------------------ score cron

    @api.model
    def _feedback_params(self):
        get = self.env["ir.config_parameter"].sudo().get_param
        weights = {name: float(get(f"crm_feedback.weight_{name}", DEFAULT_WEIGHTS[name]))
                   for name in MEASURES}
        return {
            "weights": weights,
            "half_life": float(get("crm_feedback.half_life_days", 180)),
            "trend_days": int(get("crm_feedback.trend_days", 30)),
            "churn_factor": float(get("crm_feedback.churn_factor", 2.0)),
        }

    @api.model
    def _feedback_transactions_query(self):
        """SQL of the customers' transactions: (partner_id, date, amount, lead_id) rows.

        Won opportunities here; bridges add the documents of their app with super()
        (crm_feedback_sale: confirmed sale orders). `lead_id` lets a bridge leave out an
        opportunity its own documents already count.
        """
        return SQL("""
            SELECT l.partner_id, l.date_closed AS date, l.expected_revenue AS amount,
                   l.id AS lead_id
            FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id
            WHERE s.is_won AND l.active AND l.partner_id IS NOT NULL
              AND l.date_closed IS NOT NULL""")

    @api.model
    def _feedback_run_bounds(self):
        """RFM quintile cut points and Pareto floors over all customers, computed once per
        run (and kept, so that a resumed run classifies like the batches before the crash)."""
        self.env.cr.execute(SQL("""
            WITH t AS (%s),
            per AS (
                SELECT p.commercial_partner_id AS partner,
                       EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - max(t.date))) / 86400
                           AS recency,
                       count(*) AS frequency, sum(t.amount) AS monetary
                FROM t JOIN res_partner p ON p.id = t.partner_id
                GROUP BY 1
            ), ranked AS (
                SELECT monetary,
                       sum(monetary) OVER (ORDER BY monetary DESC, partner
                                           ROWS UNBOUNDED PRECEDING) - monetary AS before,
                       sum(monetary) OVER () AS total
                FROM per WHERE monetary > 0
            )
            SELECT (SELECT percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8])
                           WITHIN GROUP (ORDER BY recency) FROM per),
                   (SELECT percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8])
                           WITHIN GROUP (ORDER BY frequency) FROM per),
                   (SELECT percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8])
                           WITHIN GROUP (ORDER BY monetary) FROM per),
                   (SELECT min(monetary) FROM ranked WHERE before < 0.80 * total),
                   (SELECT min(monetary) FROM ranked WHERE before < 0.95 * total)
        """, self._feedback_transactions_query()))
        recency, frequency, monetary, a_floor, b_floor = self.env.cr.fetchone()
        return {"recency": [float(v) for v in recency or []],
                "frequency": [float(v) for v in frequency or []],
                "monetary": [float(v) for v in monetary or []],
                "a_floor": a_floor, "b_floor": b_floor}

    @api.model
    def _cron_compute_satisfaction(self, batch_size=2000, max_batches=None):
        """Recompute score, trend, segments and churn risk of every account in batches.

        Per batch a constant number of statements (select ids, feedback aggregates,
        transaction aggregates, previous snapshots, current values, one UPDATE, one snapshot
        upsert, follow-ups). The last partner done is kept in a parameter and the batch
        committed, so that a crash resumes after it. Returns the number of batches done.
        """
        self.env.flush_all()
        params = self.env["ir.config_parameter"].sudo()
        cursor = int(params.get_param(PARAM_CURSOR, 0) or 0)
        run = params.get_param(PARAM_RUN)
        if not cursor or not run:
            cursor = 0
            run = json.dumps(self._feedback_run_bounds())
            params.set_param(PARAM_RUN, run)
        bounds = json.loads(run)
        settings = self._feedback_params()
        batches = 0
        while max_batches is None or batches < max_batches:
            self.env.cr.execute("""
                SELECT id FROM res_partner
                WHERE id > %s AND parent_id IS NULL AND active
                ORDER BY id LIMIT %s
            """, (cursor, batch_size))
            ids = [row[0] for row in self.env.cr.fetchall()]
            if not ids:
                params.set_param(PARAM_CURSOR, 0)
                params.set_param(PARAM_RUN, False)
                break
            self._feedback_score_batch(ids, bounds, settings)
            cursor = ids[-1]
            params.set_param(PARAM_CURSOR, cursor)
            batches += 1
            _logger.info("Satisfaction scores: batch %s done, up to partner %s", batches, cursor)
            if not self.env.context.get("feedback_cron_no_commit"):
                # Commit per batch: a crash resumes after the last committed partner.
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return batches

    @api.model
    def _feedback_aggregates(self, ids, half_life):
        """Per account: decayed sums of normalized scores per scale, of the sentiment of
        comments, the latest NPS answer and the amount returned. One grouped query."""
        self.env.cr.execute("""
            SELECT f.commercial_partner_id,
                   sum(w * f.score) FILTER (WHERE f.score_type = 'nps'),
                   sum(w) FILTER (WHERE f.score_type = 'nps'),
                   sum(w * f.score) FILTER (WHERE f.score_type = 'csat'),
                   sum(w) FILTER (WHERE f.score_type = 'csat'),
                   sum(w * f.score) FILTER (WHERE f.score_type = 'ces'),
                   sum(w) FILTER (WHERE f.score_type = 'ces'),
                   sum(w * f.score) FILTER (WHERE f.score_type = 'rating'),
                   sum(w) FILTER (WHERE f.score_type = 'rating'),
                   sum(w * f.sentiment) FILTER (WHERE f.sentiment_label IS NOT NULL
                                                AND f.sentiment <> 0),
                   sum(w) FILTER (WHERE f.sentiment_label IS NOT NULL AND f.sentiment <> 0),
                   (array_agg(f.value ORDER BY f.date DESC)
                        FILTER (WHERE f.score_type = 'nps'))[1],
                   sum(f.amount) FILTER (WHERE f.channel = 'return')
            FROM crm_feedback f,
                 LATERAL (SELECT power(0.5, GREATEST(EXTRACT(EPOCH FROM (
                                 now() AT TIME ZONE 'UTC' - f.date)), 0) / 86400.0
                                 / %(half_life)s) AS w) d
            WHERE f.commercial_partner_id = ANY(%(ids)s)
            GROUP BY f.commercial_partner_id
        """, {"ids": ids, "half_life": half_life or 1e9})
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    @api.model
    def _feedback_transactions(self, ids):
        """Per account: days since the first and last transaction, count and revenue."""
        self.env.cr.execute(SQL("""
            WITH t AS (%s)
            SELECT p.commercial_partner_id,
                   EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - min(t.date))) / 86400,
                   EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - max(t.date))) / 86400,
                   count(*), sum(t.amount)
            FROM t JOIN res_partner p ON p.id = t.partner_id
            WHERE p.commercial_partner_id = ANY(%s)
            GROUP BY 1
        """, self._feedback_transactions_query(), ids))
        return {row[0]: [float(v or 0) for v in row[1:]] for row in self.env.cr.fetchall()}

    @api.model
    def _feedback_score_batch(self, ids, bounds, settings):
        cr = self.env.cr
        # Implicit feedback derived from other apps first, so that the score counts it.
        self._feedback_sync_implicit(ids)
        # The SQL below reads feedback, leads (or orders) and partners as stored.
        self.env.flush_all()
        feedback = self._feedback_aggregates(ids, settings["half_life"])
        transactions = self._feedback_transactions(ids)
        today = fields.Date.context_today(self)
        cr.execute("""
            SELECT DISTINCT ON (partner_id) partner_id, satisfaction_score
            FROM crm_feedback_snapshot
            WHERE partner_id = ANY(%s) AND date <= %s
            ORDER BY partner_id, date DESC
        """, (ids, fields.Date.subtract(today, days=settings["trend_days"])))
        previous = dict(cr.fetchall())
        cr.execute("""
            SELECT id, churn_risk, user_id, feedback_response_hours
            FROM res_partner WHERE id = ANY(%s)
        """, (ids,))
        current = {row[0]: row[1:] for row in cr.fetchall()}
        rows = []
        for partner_id in ids:
            agg = feedback.get(partner_id) or (None,) * 12
            measures = {
                name: (agg[2 * i] / agg[2 * i + 1]) if agg[2 * i + 1] else None
                for i, name in enumerate(("nps", "csat", "ces", "rating"))}
            sentiment = agg[8] / agg[9] if agg[9] else None
            measures["sentiment"] = scores.sentiment_score(sentiment)
            nps_cat = scores.nps_category(agg[10])
            first, recency, frequency, monetary = transactions.get(partner_id,
                                                                   (None, None, 0, 0.0))
            r = scores.quintile(recency, bounds["recency"], reverse=True)
            f = scores.quintile(frequency or None, bounds["frequency"])
            m = scores.quintile(monetary or None, bounds["monetary"])
            gap = scores.usual_gap_days(first, recency, frequency)
            explicit = scores.weighted_score(measures, settings["weights"])
            risk, reason = scores.churn_risk(recency, gap, explicit, nps_cat,
                                             factor=settings["churn_factor"])
            behaviour = IMPLICIT_BY_RISK[scores.churn_risk(
                recency, gap, factor=settings["churn_factor"])[0]] if frequency else None
            measures["implicit"] = scores.implicit_score(
                behaviour, scores.return_share(agg[11], monetary),
                scores.response_score(current[partner_id][2]))
            score = scores.weighted_score(measures, settings["weights"])
            if score is None and not frequency:
                risk = reason = None  # nothing known of the customer
            before = previous.get(partner_id)
            rows.append((
                partner_id, score,
                round(score - before, 2) if score is not None and before is not None else None,
                nps_cat or None, scores.rfm_segment(r, f, m) if frequency else None,
                f"{r}{f}{m}" if frequency else None, risk, reason,
                scores.lifetime_value(monetary, frequency, first),
                scores.pareto_class(monetary, bounds["a_floor"], bounds["b_floor"])
                if frequency else None,
            ))
        columns = list(zip(*rows, strict=True))
        cr.execute("""
            UPDATE res_partner p
            SET satisfaction_score = v.score, satisfaction_known = v.score IS NOT NULL,
                satisfaction_trend = v.trend,
                nps_category = v.nps, rfm_segment = v.segment, rfm_code = v.code,
                churn_risk = v.risk, churn_reason = v.reason, lifetime_value = v.clv,
                pareto_class = v.pareto, satisfaction_date = now() AT TIME ZONE 'UTC'
            FROM unnest(%s::int[], %s::float8[], %s::float8[], %s::varchar[], %s::varchar[],
                        %s::varchar[], %s::varchar[], %s::varchar[], %s::float8[],
                        %s::varchar[])
                 AS v(id, score, trend, nps, segment, code, risk, reason, clv, pareto)
            WHERE p.id = v.id
        """, [list(column) for column in columns])
        cr.execute("""
            INSERT INTO crm_feedback_snapshot (partner_id, date, satisfaction_score, churn_risk,
                                               rfm_segment, create_uid, write_uid,
                                               create_date, write_date)
            SELECT v.id, %s, v.score, v.risk, v.segment, %s, %s,
                   now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
            FROM unnest(%s::int[], %s::float8[], %s::varchar[], %s::varchar[])
                 AS v(id, score, risk, segment)
            WHERE v.score IS NOT NULL OR v.risk IS NOT NULL
            ON CONFLICT (partner_id, date) DO UPDATE
            SET satisfaction_score = EXCLUDED.satisfaction_score,
                churn_risk = EXCLUDED.churn_risk, rfm_segment = EXCLUDED.rfm_segment,
                write_date = EXCLUDED.write_date
        """, (today, self.env.uid, self.env.uid, list(columns[0]), list(columns[1]),
              list(columns[6]), list(columns[4])))
        self.invalidate_model(["satisfaction_score", "satisfaction_known",
                               "satisfaction_trend", "nps_category",
                               "rfm_segment", "rfm_code", "churn_risk", "churn_reason",
                               "lifetime_value", "pareto_class", "satisfaction_date"])
        self.env["crm.feedback.snapshot"].invalidate_model()
        newly_high = [row[0] for row in rows
                      if row[6] == "high" and current[row[0]][0] != "high" and current[row[0]][1]]
        if newly_high:
            self._schedule_churn_followups(self.browse(newly_high))

    @api.model
    def _schedule_churn_followups(self, partners):
        """Closing the loop on behaviour: a customer turning high churn risk gets a call from
        their salesperson."""
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "crm_feedback.followup_days", 2))
        deadline = fields.Date.add(fields.Date.context_today(self), days=days)
        activity_type = self.env.ref("crm_feedback.mail_activity_type_feedback_followup")
        model_id = self.env["ir.model"]._get_id("res.partner")
        self.env["mail.activity"].sudo().create([{
            "res_model_id": model_id, "res_id": partner.id,
            "activity_type_id": activity_type.id, "user_id": partner.user_id.id,
            "date_deadline": deadline, "automated": True,
            "summary": self.env._("High churn risk: call %(customer)s",
                                  customer=partner.display_name),
        } for partner in partners])
