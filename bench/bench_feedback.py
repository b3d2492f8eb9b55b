"""Feedback ledger (crm_feedback): 1,000,000 feedback records about 100,000 customers, with
300,000 sales (won opportunities: the addon does not depend on `sale`).

Benchmarks: `get_metrics` over the whole ledger against a single raw SQL GROUP BY, and the
satisfaction score cron (scores, trend, segments, churn, snapshots for every customer, in
batches) against the same aggregates written as hand-made SQL statements.
"""

import parand_env as pe

from .common import Result, interleaved
from .common import sql_text_array as _array

FEEDBACK = 1_000_000
SALES = 300_000
CRON_BATCH = 5000

COMMENTS = ["خیلی عالی بود، ممنون", "ارسال دیر انجام شد", "کالا خراب رسید", "پشتیبانی خوب بود",
            "قیمت گران است", "راضی هستم", "", "", ""]


def generate(ctx):
    env = ctx.env()
    cr = env.cr
    company = env.ref("base.main_company")
    won = env["crm.stage"].search([("is_won", "=", True)], limit=1)
    team = env["crm.team"].search([], limit=1)
    # Rows inserted by SQL elsewhere lack what the ORM fills: every partner is its own
    # commercial partner unless it has a parent.
    cr.execute("""UPDATE res_partner SET commercial_partner_id = id
                  WHERE commercial_partner_id IS NULL AND parent_id IS NULL""")
    cr.execute("""SELECT array_agg(id) FROM (SELECT id FROM res_partner
                  WHERE parent_id IS NULL AND active ORDER BY id DESC LIMIT %s) p""",
               (ctx.count(100_000),))
    partners = cr.fetchone()[0]
    env.cr.commit()  # pylint: disable=invalid-commit
    # Scores and sentiments are computed here as the ORM would (normalize, lexicon) so that
    # the measures read consistent data; sentiment follows the comment chosen.
    cr.execute(f"""
        INSERT INTO crm_feedback (partner_id, commercial_partner_id, company_id, user_id,
                                  team_id, kind, channel, score_type, value, score,
                                  nps_category, comment, sentiment, sentiment_label, date,
                                  followup_state, create_date, write_date, create_uid,
                                  write_uid)
        SELECT partner, partner, %(company)s, 2, %(team)s,
               CASE WHEN st IS NULL THEN 'implicit' ELSE 'explicit' END,
               CASE WHEN st IS NULL THEN 'activity' ELSE 'survey' END,
               st, val,
               CASE st WHEN 'nps' THEN val * 10.0 WHEN 'csat' THEN (val - 1) * 25.0
                       WHEN 'ces' THEN round((7 - val) * 100.0 / 6, 2)
                       WHEN 'rating' THEN (val - 1) * 25.0 ELSE 0 END,
               CASE WHEN st = 'nps' THEN CASE WHEN val >= 9 THEN 'promoter'
                                              WHEN val <= 6 THEN 'detractor'
                                              ELSE 'passive' END END,
               NULLIF(comment, ''),
               CASE WHEN comment = '' THEN 0 WHEN i %% 2 = 0 THEN 0.5 ELSE -0.5 END,
               CASE WHEN comment = '' THEN 'neutral' WHEN i %% 2 = 0 THEN 'positive'
                    ELSE 'negative' END,
               (now() - (i %% 730) * interval '1 day') AT TIME ZONE 'UTC',
               CASE WHEN i %% 17 = 0 THEN 'done' WHEN i %% 23 = 0 THEN 'pending'
                    ELSE 'none' END,
               now(), now(), 1, 1
        FROM generate_series(1, %(n)s) i,
             LATERAL (SELECT (ARRAY['nps','nps','csat','ces','rating',NULL])[1 + i %% 6] AS st)
                 s,
             LATERAL (SELECT CASE st WHEN 'nps' THEN i %% 11 WHEN 'csat' THEN 1 + i %% 5
                                     WHEN 'ces' THEN 1 + i %% 7 WHEN 'rating' THEN 1 + i %% 5
                                     ELSE 0 END AS val,
                             ({_array(COMMENTS)})[1 + i %% {len(COMMENTS)}] AS comment,
                             (%(partners)s::int[])[1 + (i::bigint * 7919) %%
                                 array_length(%(partners)s::int[], 1)] AS partner) v
    """, {"company": company.id, "team": team.id, "n": ctx.count(FEEDBACK),
          "partners": partners})
    env.cr.commit()  # pylint: disable=invalid-commit
    cr.execute("""
        INSERT INTO crm_lead (name, type, active, stage_id, team_id, user_id, company_id,
                              partner_id, expected_revenue, probability, date_closed,
                              create_date, write_date, create_uid, write_uid)
        SELECT 'فروش ' || i, 'opportunity', true, %(won)s, %(team)s, 2, %(company)s,
               (%(partners)s::int[])[1 + (i::bigint * 104729)
                                         %% array_length(%(partners)s::int[], 1)],
               1000000 * (1 + i %% 97), 100,
               (now() - (i %% 1095) * interval '1 day') AT TIME ZONE 'UTC',
               now(), now(), 1, 1
        FROM generate_series(1, %(n)s) i
    """, {"won": won.id, "team": team.id, "company": company.id, "n": ctx.count(SALES),
          "partners": partners})
    env.cr.commit()  # pylint: disable=invalid-commit
    # What autovacuum does on a live database after bulk inserts: statistics, and the
    # visibility map that index-only scans read (VACUUM runs outside a transaction).
    with pe.pg_cursor(cr.dbname) as maintenance:
        maintenance.execute("VACUUM ANALYZE crm_feedback, crm_lead, res_partner")


def bench_get_metrics(ctx):
    """get_metrics over the whole ledger against one raw SQL GROUP BY of the same counts."""
    env = ctx.env()
    Feedback = env["crm.feedback"]

    def orm():
        Feedback.get_metrics([])
        env.invalidate_all()

    def sql():
        env.cr.execute("""
            SELECT score_type, value, followup_state, count(*), sum(sentiment)
            FROM crm_feedback GROUP BY score_type, value, followup_state
        """)
        env.cr.fetchall()

    subject, baseline = interleaved(orm, sql)
    n = Feedback.search_count([])
    return [Result(f"get_metrics over {n:,} feedback", subject, baseline, 2.0,
                   "raw SQL GROUP BY")]


def bench_score_cron(ctx):
    """The score cron over every customer against the same aggregates in hand-written SQL."""
    env = ctx.env()
    cr = env.cr
    Scoring = env["crm.feedback.scoring"].with_context(feedback_cron_no_commit=True)
    Param = env["ir.config_parameter"]
    queries = []

    def undo():
        cr.execute("ROLLBACK TO SAVEPOINT bench_scores")
        env.invalidate_all()
        env.transaction.clear()

    def orm():
        cr.execute("SAVEPOINT bench_scores")
        Param.set_param("crm_feedback.score_run", False)
        before = cr.sql_log_count
        batches = Scoring._cron_compute(batch_size=CRON_BATCH)
        env.flush_all()
        queries.append((cr.sql_log_count - before) / max(batches, 1))
        undo()

    def sql():
        cr.execute("SAVEPOINT bench_scores")
        cr.execute("""
            WITH t AS (
                SELECT p.commercial_partner_id AS partner, count(*) AS frequency,
                       sum(l.expected_revenue) AS monetary,
                       EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC' - max(l.date_closed)))
                           / 86400 AS recency,
                       EXTRACT(EPOCH FROM (max(l.date_closed) - min(l.date_closed))) / 86400
                           / GREATEST(count(*) - 1, 1) AS gap
                FROM crm_lead l JOIN crm_stage s ON s.id = l.stage_id
                JOIN res_partner p ON p.id = l.partner_id
                WHERE s.is_won AND l.active AND l.date_closed IS NOT NULL
                GROUP BY 1
            ), q AS (
                SELECT *, ntile(5) OVER (ORDER BY recency DESC) AS r,
                       ntile(5) OVER (ORDER BY frequency) AS f,
                       ntile(5) OVER (ORDER BY monetary) AS m
                FROM t
            ), fb AS (
                SELECT commercial_partner_id AS partner,
                       sum(w * score) FILTER (WHERE score_type = 'nps')
                           / NULLIF(sum(w) FILTER (WHERE score_type = 'nps'), 0) AS nps,
                       sum(w * score) FILTER (WHERE score_type = 'csat')
                           / NULLIF(sum(w) FILTER (WHERE score_type = 'csat'), 0) AS csat,
                       sum(w * score) FILTER (WHERE score_type = 'ces')
                           / NULLIF(sum(w) FILTER (WHERE score_type = 'ces'), 0) AS ces,
                       sum(w * score) FILTER (WHERE score_type = 'rating')
                           / NULLIF(sum(w) FILTER (WHERE score_type = 'rating'), 0) AS rating,
                       50 * (1 + sum(w * sentiment) FILTER (WHERE sentiment <> 0)
                           / NULLIF(sum(w) FILTER (WHERE sentiment <> 0), 0)) AS sentiment,
                       (array_agg(value ORDER BY date DESC)
                           FILTER (WHERE score_type = 'nps'))[1] AS last_nps
                FROM crm_feedback f,
                     LATERAL (SELECT power(0.5::float8, date_part('epoch',
                                     now() AT TIME ZONE 'UTC' - f.date) / 86400.0 / 180) AS w) d
                GROUP BY 1
            ), scored AS (
                SELECT p.id,
                       (3 * coalesce(fb.nps, 0) + 3 * coalesce(fb.csat, 0)
                        + 2 * coalesce(fb.ces, 0) + 2 * coalesce(fb.rating, 0)
                        + coalesce(fb.sentiment, 0))
                       / NULLIF(3 * (fb.nps IS NOT NULL)::int + 3 * (fb.csat IS NOT NULL)::int
                                + 2 * (fb.ces IS NOT NULL)::int
                                + 2 * (fb.rating IS NOT NULL)::int
                                + (fb.sentiment IS NOT NULL)::int, 0) AS score,
                       CASE WHEN q.recency > 2 * q.gap THEN 'high'
                            WHEN q.recency > q.gap THEN 'medium' ELSE 'low' END AS risk,
                       q.r::text || q.f::text || q.m::text AS code,
                       CASE WHEN fb.last_nps >= 9 THEN 'promoter'
                            WHEN fb.last_nps <= 6 THEN 'detractor'
                            WHEN fb.last_nps IS NOT NULL THEN 'passive' END AS nps
                FROM res_partner p
                LEFT JOIN fb ON fb.partner = p.id LEFT JOIN q ON q.partner = p.id
                WHERE p.parent_id IS NULL AND p.active
            ), upd AS (
                UPDATE res_partner p
                SET satisfaction_score = s.score, churn_risk = s.risk, rfm_code = s.code,
                    nps_category = s.nps, satisfaction_date = now() AT TIME ZONE 'UTC'
                FROM scored s WHERE p.id = s.id
            )
            INSERT INTO crm_feedback_snapshot (partner_id, date, satisfaction_score,
                                               churn_risk)
            SELECT id, current_date, score, risk FROM scored WHERE score IS NOT NULL
            ON CONFLICT (partner_id, date) DO UPDATE
            SET satisfaction_score = EXCLUDED.satisfaction_score
        """)
        undo()

    subject, baseline = interleaved(orm, sql, repeat=2)
    cr.execute("SELECT count(*) FROM res_partner WHERE parent_id IS NULL AND active")
    n = cr.fetchone()[0]
    name = (f"score cron over {n:,} customers, batch of {CRON_BATCH:,}:"
            f" {min(queries):.0f} queries/batch")
    return [Result(name, subject, baseline, 1.2, "hand-written SQL aggregates")]  # issue #14


BENCHMARKS = [bench_get_metrics, bench_score_cron]
