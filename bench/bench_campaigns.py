"""Campaigns (crm_campaigns): 1,000 campaigns over 1,000,000 leads and 2,000,000 members,
100,000 campaign activities with their costs.

Benchmarks: the results of every campaign (the ORM's computed fields; the actual cost,
stored, includes the done activities' costs) against the raw SQL GROUP BY they stand for,
and adding a 100,000-entry list to a campaign against a bulk SQL INSERT of the same rows.
"""

from .common import Result, interleaved

CAMPAIGNS = 1000
LEADS = 1_000_000
MEMBERS = 2_000_000
LIST_SIZE = 100_000
ACTIVITIES = 100_000


def generate(ctx):
    env = ctx.env()
    cr = env.cr
    n_campaigns = ctx.count(CAMPAIGNS)
    cr.execute("""
        INSERT INTO utm_campaign (name, title, user_id, stage_id, active, actual_cost,
                                  manual_cost, campaign_budget_amount, company_id, create_date,
                                  write_date, create_uid, write_uid)
        SELECT 'bench-campaign-' || i, jsonb_build_object('en_US', 'کمپین ' || i), 2,
               (SELECT id FROM utm_stage ORDER BY sequence LIMIT 1), true,
               (i %% 50) * 1000000, (i %% 50) * 1000000, (i %% 50) * 1500000, 1, now(), now(),
               1, 1
          FROM generate_series(1, %(n)s) i
    """, {"n": n_campaigns})
    cr.execute("UPDATE utm_campaign SET parent_path = id || '/' WHERE parent_path IS NULL")
    # The core generator's leads come from campaigns, and more leads up to the size.
    cr.execute("""
        WITH campaigns AS (SELECT array_agg(id) AS ids FROM utm_campaign
                            WHERE name LIKE 'bench-campaign-%')
        UPDATE crm_lead SET campaign_id = ids[1 + crm_lead.id % array_length(ids, 1)]
          FROM campaigns
    """)
    cr.execute("SELECT count(*) FROM crm_lead")
    missing = ctx.count(LEADS) - cr.fetchone()[0]
    if missing > 0:
        cr.execute("""
            INSERT INTO crm_lead (name, type, active, stage_id, team_id, user_id, company_id,
                                  campaign_id, expected_revenue, probability, priority,
                                  create_date, write_date, create_uid, write_uid)
            SELECT 'سرنخ کمپین ' || i, CASE WHEN i %% 4 = 0 THEN 'opportunity' ELSE 'lead' END,
                   i %% 23 <> 0, stage_id, team_id, 2, company_id,
                   campaigns[1 + i %% array_length(campaigns, 1)], (i %% 300) * 100000,
                   CASE WHEN i %% 23 = 0 THEN 0 ELSE i %% 100 END, '1',
                   now() - (i %% 700) * interval '1 day', now(), 1, 1
              FROM generate_series(1, %(n)s) i,
                   (SELECT stage_id, team_id, company_id FROM crm_lead LIMIT 1) model,
                   (SELECT array_agg(id) AS campaigns FROM utm_campaign
                     WHERE name LIKE 'bench-campaign-%%') c
        """, {"n": missing})
    env.cr.commit()  # pylint: disable=invalid-commit - each step of the generator is kept
    status = env.ref("crm_campaigns.member_status_targeted").id
    # Member k: campaign k mod n, the (k div n)-th partner: every pair once.
    cr.execute("""
        INSERT INTO crm_campaign_member (campaign_id, company_id, partner_id, target_type,
                                         status_id, is_response, create_date, write_date,
                                         create_uid, write_uid)
        SELECT campaigns[1 + k %% n_campaigns], 1, partner.id,
               CASE WHEN partner.is_company THEN 'company' ELSE 'person' END,
               %(status)s, k %% 9 = 0, now(), now(), 1, 1
          FROM (SELECT array_agg(id ORDER BY id) AS campaigns, count(*) AS n_campaigns
                  FROM utm_campaign WHERE name LIKE 'bench-campaign-%%') c,
               (SELECT array_agg(id ORDER BY id) AS partners, count(*) AS n_partners
                  FROM res_partner) p,
               generate_series(0, %(n)s - 1) k,
               res_partner partner
         WHERE partner.id = partners[1 + (k / n_campaigns) %% n_partners]
        ON CONFLICT DO NOTHING
    """, {"status": status, "n": ctx.count(MEMBERS)})
    env.cr.commit()  # pylint: disable=invalid-commit
    # Campaign activities, two in three done; the actual cost adds the done ones' costs.
    call = env.ref("mail.mail_activity_data_call").id
    cr.execute("""
        INSERT INTO crm_campaign_activity (campaign_id, company_id, activity_type_id, summary,
                                           date_deadline, user_id, cost, state, date_done,
                                           create_date, write_date, create_uid, write_uid)
        SELECT campaigns[1 + k %% array_length(campaigns, 1)], 1, %(call)s,
               'تماس کمپین ' || k, (now() - (k %% 300) * interval '1 day')::date, 2,
               (k %% 20) * 100000, CASE WHEN k %% 3 = 0 THEN 'planned' ELSE 'done' END,
               CASE WHEN k %% 3 <> 0 THEN (now() - (k %% 300) * interval '1 day')::date END,
               now(), now(), 1, 1
          FROM generate_series(1, %(n)s) k,
               (SELECT array_agg(id) AS campaigns FROM utm_campaign
                 WHERE name LIKE 'bench-campaign-%%') c
    """, {"call": call, "n": ctx.count(ACTIVITIES)})
    cr.execute("""
        UPDATE utm_campaign campaign SET actual_cost = campaign.manual_cost + done.cost
          FROM (SELECT campaign_id, sum(cost) AS cost FROM crm_campaign_activity
                 WHERE state = 'done' GROUP BY campaign_id) done
         WHERE done.campaign_id = campaign.id
    """)
    # The bench's PostgreSQL runs without autovacuum: without statistics the planner takes
    # the million leads for a few dozen rows and sorts them on disk to group them.
    cr.execute("ANALYZE utm_campaign, crm_lead, crm_campaign_member, crm_campaign_activity, "
               "res_partner")
    env.cr.commit()  # pylint: disable=invalid-commit


def bench_campaign_results(ctx):
    env = ctx.env()
    campaigns = env["utm.campaign"].search([("name", "like", "bench-campaign-")])

    def orm():
        campaigns.mapped("roi")
        env.invalidate_all()

    def sql():
        env.cr.execute("""
            SELECT lead.campaign_id, lead.type, lead.active, lead.stage_id, count(*),
                   sum(lead.expected_revenue), sum(lead.prorated_revenue)
              FROM crm_lead lead WHERE lead.campaign_id = ANY(%(ids)s)
             GROUP BY 1, 2, 3, 4
        """, {"ids": campaigns.ids})
        env.cr.fetchall()
        env.cr.execute("""
            SELECT campaign_id, is_response, count(*) FROM crm_campaign_member
             WHERE campaign_id = ANY(%(ids)s) GROUP BY 1, 2
        """, {"ids": campaigns.ids})
        env.cr.fetchall()

    subject, baseline = interleaved(orm, sql)
    env.cr.execute("SELECT count(*) FROM crm_lead WHERE campaign_id IS NOT NULL")
    n_leads = env.cr.fetchone()[0]
    return [Result(f"results of {len(campaigns):,} campaigns ({n_leads:,} leads)",
                   subject, baseline, 1.2)]


def bench_add_list(ctx):
    env = ctx.env()
    partners = env["res.partner"].search([], limit=ctx.count(LIST_SIZE))
    campaign = env["utm.campaign"].create({"title": "bench: add a list"})
    status = env.ref("crm_campaigns.member_status_targeted").id

    def orm():
        env.cr.execute("SAVEPOINT bench_add")
        campaign._add_members(partners)
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_add")

    def sql():
        env.cr.execute("SAVEPOINT bench_add")
        # The same rows as the product's: its company, salesperson and author included
        # (each a foreign key PostgreSQL checks), without the duplicate check.
        env.cr.execute("""
            INSERT INTO crm_campaign_member (campaign_id, company_id, partner_id, target_type,
                                             user_id, status_id, is_response, create_uid,
                                             create_date, write_uid, write_date)
            SELECT %(campaign)s, %(company)s, id, 'person', user_id, %(status)s, false,
                   %(uid)s, now(), %(uid)s, now()
              FROM res_partner WHERE id = ANY(%(ids)s)
        """, {"campaign": campaign.id, "company": campaign.company_id.id or None,
              "status": status, "uid": env.uid, "ids": partners.ids})
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_add")

    subject, baseline = interleaved(orm, sql)
    return [Result(f"add a {len(partners):,}-entry list to a campaign", subject, baseline, 1.3,
                   "bulk SQL INSERT")]


BENCHMARKS = [bench_campaign_results, bench_add_list]
