# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json
import logging
from contextlib import contextmanager
from datetime import datetime

from odoo import api, fields, models
from odoo.service.model import retrying
from odoo.tools import SQL

from ..tools import scores

_logger = logging.getLogger(__name__)

MEASURES = ("nps", "csat", "ces", "rating", "sentiment", "implicit")
DEFAULT_WEIGHTS = {"nps": 3.0, "csat": 3.0, "ces": 2.0, "rating": 2.0, "sentiment": 1.0,
                   "implicit": 2.0}
IMPLICIT_BY_RISK = {"low": 100.0, "medium": 50.0, "high": 0.0}
PARAM_RUN = "crm_feedback.score_run"
# Key of the PostgreSQL advisory lock under which a run is started or ended.
RUN_LOCK = 0x6366_7363  # "cfsc"


class CrmFeedbackScoring(models.AbstractModel):
    """The score engine: satisfaction score, trend, segments and churn risk of every account,
    written in batches by the score cron from set-based SQL aggregates (never a query per
    account).

    Several workers may run it at once (two cron workers, the cron and a manual run): each
    claims its batch of accounts with row locks (SKIP LOCKED), and an account whose score
    dates from the current run is done, so that each account is scored once per run.
    """

    _name = "crm.feedback.scoring"
    _description = "Customer Satisfaction Scoring"

    @api.model
    def _params(self):
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
    def _transactions_query(self, partners=None):
        """SQL of the customers' transactions: (partner_id, date, amount, lead_id) rows, of
        the partners the SQL query `partners` selects if given, else of every partner.

        Won opportunities here; bridges add the documents of their app with super()
        (crm_feedback_sale: confirmed sale orders). `lead_id` lets a bridge leave out an
        opportunity its own documents already count. A batch of the score cron gives
        `partners`: the filter must sit in each query, below their union, for PostgreSQL
        to read only the batch's documents.
        """
        return SQL("""
            SELECT l.partner_id, l.date_closed AS date, l.expected_revenue AS amount,
                   l.id AS lead_id
            FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id
            WHERE s.is_won AND l.active AND l.partner_id IS NOT NULL
              AND l.date_closed IS NOT NULL %s""",
            self._transactions_filter(SQL("l.partner_id"), partners))

    @api.model
    def _transactions_filter(self, column, partners):
        """The condition `column` is among `partners` (an SQL query), if given.

        As an array computed first: PostgreSQL then reads the batch's documents through an
        index on `column`; with IN (query) it guessed the batch's thousands of contacts
        and chose to scan the whole table at each batch."""
        return SQL("AND %s = ANY(ARRAY(%s))", column, partners) if partners else SQL()

    @api.model
    def _run_bounds(self):
        """RFM quintile cut points and Pareto floors over all customers, computed once per
        run (and kept, so that a resumed run classifies like the batches before the crash).
        The cut points are PostgreSQL's percentile_disc, as scores.quintile_bounds."""
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
            SELECT (SELECT %s FROM per), (SELECT %s FROM per), (SELECT %s FROM per),
                   (SELECT min(monetary) FROM ranked WHERE before < 0.80 * total),
                   (SELECT min(monetary) FROM ranked WHERE before < 0.95 * total)
        """, self._transactions_query(), *(
            self._quintile_bounds_sql(SQL.identifier(column))
            for column in ("recency", "frequency", "monetary"))))
        recency, frequency, monetary, a_floor, b_floor = self.env.cr.fetchone()
        return {"recency": [float(v) for v in recency or []],
                "frequency": [float(v) for v in frequency or []],
                "monetary": [float(v) for v in monetary or []],
                "a_floor": a_floor, "b_floor": b_floor}

    @api.model
    def _quintile_bounds_sql(self, expression):
        """The aggregate of the four quintile cut points of `expression`: the SQL twin of
        scores.quintile_bounds (tests compare both on the same values)."""
        return SQL("percentile_disc(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY %s)",
                   expression)

    # ------------------------------------------------------------------ cron

    @api.model
    def _cron_compute(self, batch_size=2000, max_batches=None):
        """Recompute score, trend, segments and churn risk of every account in batches.

        Per batch a constant number of statements (claim ids, feedback aggregates,
        transaction aggregates, previous snapshots, current values, one UPDATE, one snapshot
        upsert, follow-ups), then a commit, so that a crash resumes with the accounts not
        scored yet in the run. Reports its progress to ir.cron. Returns the number of
        batches done by this worker.
        """
        commit = not self.env.context.get("feedback_cron_no_commit")
        run = self._run_start(commit)
        settings = self._params()
        todo = self._count_todo(run["start"])
        done = batches = last = 0

        def next_batch(after, wait=False):
            def work():
                ids = self._claim(run["start"], after, batch_size, wait)
                if ids:
                    self._score_batch(ids, run, settings)
                return ids
            # Another worker may commit what this transaction's snapshot predates: the
            # batch again in a new transaction, as Odoo retries a request.
            return retrying(work, self.env) if commit else work()

        while max_batches is None or batches < max_batches:
            ids = next_batch(last)
            if not ids:
                # What is left, if anything, another transaction holds (a worker's batch, a
                # manual sync): from the start again, waiting for it.
                last = 0
                ids = next_batch(last, wait=True)
            if not ids:
                self._run_end(run, commit)
                break
            last = ids[-1]
            batches += 1
            done += len(ids)
            self.env["ir.cron"]._notify_progress(done=done, remaining=max(todo - done, 0))
            _logger.info("Satisfaction scores: batch %s done, up to partner %s", batches, last)
            if commit:
                # Commit per batch: a crash resumes with the accounts not scored yet.
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return batches

    @contextmanager
    def _run_lock(self, commit):
        """Start or end a run alone: under an advisory lock, in a transaction begun once it
        is held (so that it reads what the previous holder committed), committed before it
        is released. Without commits (tests, demo data) nothing runs beside."""
        if not commit:
            yield
            return
        self.env.cr.commit()  # pylint: disable=invalid-commit
        self.env.cr.execute(SQL("SELECT pg_advisory_lock(%s)", RUN_LOCK))
        self.env.cr.commit()  # pylint: disable=invalid-commit
        self.env["ir.config_parameter"].invalidate_model()
        try:
            yield
        except Exception:
            # An aborted transaction would refuse the unlock below.
            self.env.cr.rollback()
            raise
        else:
            self.env.cr.commit()  # pylint: disable=invalid-commit
        finally:
            self.env.cr.execute(SQL("SELECT pg_advisory_unlock(%s)", RUN_LOCK))

    @api.model
    def _run_start(self, commit):
        """The current run ({bounds..., 'start'}): the one a crash or another worker left
        going, else a new one."""
        params = self.env["ir.config_parameter"].sudo()
        with self._run_lock(commit):
            value = params.get_param(PARAM_RUN)
            if not value:
                self.env.cr.execute("SELECT clock_timestamp() AT TIME ZONE 'UTC'")
                start = self.env.cr.fetchone()[0]
                # In full: an account scored in the second the run starts is not done.
                value = json.dumps({**self._run_bounds(), "start": start.isoformat()})
                params.set_param(PARAM_RUN, value)
        run = json.loads(value)
        run["start"] = datetime.fromisoformat(run["start"])
        return run

    @api.model
    def _run_end(self, run, commit):
        """Every account is scored: the next run computes its bounds again. Another worker
        may have ended the run, or started the next one: only this run is ended."""
        params = self.env["ir.config_parameter"].sudo()
        with self._run_lock(commit):
            value = params.get_param(PARAM_RUN)
            if value and json.loads(value)["start"] == run["start"].isoformat():
                params.set_param(PARAM_RUN, False)

    @api.model
    def _todo_condition(self, start):
        """The accounts not scored yet in the run started at `start`."""
        return SQL("""parent_id IS NULL AND active
                      AND (satisfaction_date IS NULL OR satisfaction_date < %s)""", start)

    @api.model
    def _count_todo(self, start):
        self.env.cr.execute(SQL("SELECT count(*) FROM res_partner WHERE %s",
                                self._todo_condition(start)))
        return self.env.cr.fetchone()[0]

    @api.model
    def _claim(self, start, after, limit, wait=False):
        """The next `limit` accounts after id `after` to score, locked until the batch is
        committed; those another transaction holds are skipped (another worker scores
        them), unless `wait`: in id order, as every locker of accounts, so without
        deadlock."""
        self.env.cr.execute(SQL("""
            SELECT id FROM res_partner
            WHERE id > %s AND %s
            ORDER BY id LIMIT %s
            FOR NO KEY UPDATE %s
        """, after, self._todo_condition(start), limit, SQL("" if wait else "SKIP LOCKED")))
        return [row[0] for row in self.env.cr.fetchall()]

    # ------------------------------------------------------------------ batch

    @api.model
    def _feedback_aggregates(self, ids, half_life):
        """Per account: decayed sums of normalized scores per scale, of the sentiment of
        comments, the latest NPS answer and the amount returned. One grouped query."""
        self.env.cr.execute(SQL("""
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
                 -- In double precision: EXTRACT gives a numeric, whose power() costs ten
                 -- times the whole aggregate (measured: 650 ms against 56 ms a batch).
                 LATERAL (SELECT power(0.5::float8, GREATEST(date_part('epoch',
                                 now() AT TIME ZONE 'UTC' - f.date), 0) / 86400.0
                                 / %(half_life)s) AS w) d
            WHERE f.commercial_partner_id = ANY(%(ids)s)
            GROUP BY f.commercial_partner_id
        """, ids=ids, half_life=half_life or 1e9))
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    @api.model
    def _transactions(self, ids):
        """Per account: days since the first and last transaction, count and revenue."""
        self.env.cr.execute(SQL("""
            WITH contact AS MATERIALIZED (%s), t AS (%s)
            SELECT c.account,
                   EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - min(t.date))) / 86400,
                   EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - max(t.date))) / 86400,
                   count(*), sum(t.amount)
            FROM t JOIN contact c ON c.id = t.partner_id
            GROUP BY 1
        """, self.env["crm.feedback.implicit"]._account_contacts(ids),
            self._transactions_query(SQL("SELECT id FROM contact"))))
        return {row[0]: [float(v or 0) for v in row[1:]] for row in self.env.cr.fetchall()}

    @api.model
    def _score_batch(self, ids, run, settings):
        cr = self.env.cr
        Partner = self.env["res.partner"]
        # Implicit feedback derived from other apps first, so that the score counts it.
        self.env["crm.feedback.implicit"]._sync(ids)
        # The SQL below reads feedback, leads (or orders) and partners as stored.
        self.env.flush_all()
        feedback = self._feedback_aggregates(ids, settings["half_life"])
        transactions = self._transactions(ids)
        today = fields.Date.context_today(self)
        cr.execute(SQL("""
            SELECT DISTINCT ON (partner_id) partner_id, satisfaction_score
            FROM crm_feedback_snapshot
            WHERE partner_id = ANY(%s) AND date <= %s
            ORDER BY partner_id, date DESC
        """, ids, fields.Date.subtract(today, days=settings["trend_days"])))
        previous = dict(cr.fetchall())
        cr.execute(SQL("""
            SELECT id, churn_risk, user_id, feedback_response_hours
            FROM res_partner WHERE id = ANY(%s)
        """, ids))
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
            r = scores.quintile(recency, run["recency"], reverse=True)
            f = scores.quintile(frequency or None, run["frequency"])
            m = scores.quintile(monetary or None, run["monetary"])
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
                scores.pareto_class(monetary, run["a_floor"], run["b_floor"])
                if frequency else None,
            ))
        columns = [list(column) for column in zip(*rows, strict=True)]
        # satisfaction_date is the claim of the run: the clock's time, later than the run's
        # start even when the run started in this very transaction.
        cr.execute(SQL("""
            UPDATE res_partner p
            SET satisfaction_score = v.score, satisfaction_known = v.score IS NOT NULL,
                satisfaction_trend = v.trend,
                nps_category = v.nps, rfm_segment = v.segment, rfm_code = v.code,
                churn_risk = v.risk, churn_reason = v.reason, lifetime_value = v.clv,
                pareto_class = v.pareto, satisfaction_date = clock_timestamp() AT TIME ZONE 'UTC'
            FROM unnest(%s::int[], %s::float8[], %s::float8[], %s::varchar[], %s::varchar[],
                        %s::varchar[], %s::varchar[], %s::varchar[], %s::float8[],
                        %s::varchar[])
                 AS v(id, score, trend, nps, segment, code, risk, reason, clv, pareto)
            WHERE p.id = v.id
        """, *columns))
        cr.execute(SQL("""
            INSERT INTO crm_feedback_snapshot (partner_id, date, satisfaction_score, churn_risk,
                                               rfm_segment, create_uid, write_uid,
                                               create_date, write_date)
            SELECT v.id, %(today)s, v.score, v.risk, v.segment, %(uid)s, %(uid)s,
                   now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
            FROM unnest(%(ids)s::int[], %(scores)s::float8[], %(risks)s::varchar[],
                        %(segments)s::varchar[]) AS v(id, score, risk, segment)
            WHERE v.score IS NOT NULL OR v.risk IS NOT NULL
            ON CONFLICT (partner_id, date) DO UPDATE
            SET satisfaction_score = EXCLUDED.satisfaction_score,
                churn_risk = EXCLUDED.churn_risk, rfm_segment = EXCLUDED.rfm_segment,
                write_date = EXCLUDED.write_date
        """, today=today, uid=self.env.uid, ids=columns[0], scores=columns[1],
            risks=columns[6], segments=columns[4]))
        Partner.invalidate_model(["satisfaction_score", "satisfaction_known",
                                  "satisfaction_trend", "nps_category",
                                  "rfm_segment", "rfm_code", "churn_risk", "churn_reason",
                                  "lifetime_value", "pareto_class", "satisfaction_date"])
        self.env["crm.feedback.snapshot"].invalidate_model()
        newly_high = [row[0] for row in rows
                      if row[6] == "high" and current[row[0]][0] != "high" and current[row[0]][1]]
        if newly_high:
            self._schedule_churn_followups(Partner.browse(newly_high))

    @api.model
    def _schedule_churn_followups(self, partners):
        """Closing the loop on behaviour: a customer turning high churn risk gets a call from
        their salesperson."""
        days = int(self.env["ir.config_parameter"].sudo().get_param(
            "crm_feedback.followup_days", 2))
        deadline = fields.Date.add(fields.Date.context_today(self), days=days)
        activity_type = self.env.ref("crm_feedback.mail_activity_type_feedback_followup")
        model_id = self.env["ir.model"]._get_id("res.partner")
        # sudo: the cron assigns the call to each account's salesperson, whatever its rights.
        self.env["mail.activity"].sudo().create([{
            "res_model_id": model_id, "res_id": partner.id,
            "activity_type_id": activity_type.id, "user_id": partner.user_id.id,
            "date_deadline": deadline, "automated": True,
            "summary": self.env._("High churn risk: call %(customer)s",
                                  customer=partner.display_name),
        } for partner in partners])
