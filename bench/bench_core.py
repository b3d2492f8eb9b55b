"""Core data every other benchmark builds on: Persian partners, leads in every stage, activities.

Sizes at scale 1: 100,000 partners (a fifth of them companies), 200,000 leads and
opportunities over three years, 50,000 activities. Rows are inserted set-based
(INSERT ... SELECT over generate_series), as an import of an organization's history would.
"""

from .common import Result, interleaved
from .common import sql_text_array as _array

FIRST_NAMES = ["علی", "محمد", "حسین", "رضا", "مهدی", "فاطمه", "زهرا", "مریم", "سارا", "نرگس",
               "امیر", "پریسا", "کاوه", "شیرین", "بهرام", "لیلا", "حمید", "نازنین", "یاسمن", "آرش"]
LAST_NAMES = ["محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "رحیمی", "کاظمی",
              "قاسمی", "صادقی", "نوری", "طاهری", "شریفی", "اکبری", "مرادی", "عباسی", "سلیمانی"]
COMPANY_WORDS = ["صنایع", "بازرگانی", "فناوری", "پخش", "تولیدی", "مهندسی", "خدمات", "گروه"]
COMPANY_NAMES = ["پارس", "البرز", "آریا", "سپاهان", "کیمیا", "نگین", "زاگرس", "خزر", "کویر"]
CITIES = ["تهران", "اصفهان", "مشهد", "شیراز", "تبریز", "کرج", "اهواز", "قم", "رشت", "یزد"]

PARTNERS = 100_000
LEADS = 200_000
ACTIVITIES = 50_000


def generate(ctx):
    env = ctx.env()
    cr = env.cr
    company = env.ref("base.main_company")
    iran = env.ref("base.ir")
    n_partners = ctx.count(PARTNERS)
    n_companies = max(1, n_partners // 5)
    # With account installed (the template has it) res_partner requires autopost_bills:
    # the rows inserted here get Odoo's default for it.
    required_defaults = {"autopost_bills": "ask"} if "autopost_bills" in env["res.partner"] else {}
    for column, default in required_defaults.items():
        cr.execute(f"ALTER TABLE res_partner ALTER COLUMN {column} SET DEFAULT %s", [default])
    cr.execute(f"""
        INSERT INTO res_partner (name, complete_name, is_company, company_id, country_id, city,
                                 email, phone, type, active, lang, create_date, write_date,
                                 create_uid, write_uid)
        SELECT name, name, true, %(company)s, %(iran)s,
               ({_array(CITIES)})[1 + i %% {len(CITIES)}],
               'info' || i || '@example.ir', '+98 21 ' || lpad((i %% 10000000)::text, 8, '0'),
               'contact', true, 'fa_IR', now() - (i %% 1000) * interval '1 day', now(), 1, 1
        FROM (SELECT i, ({_array(COMPANY_WORDS)})[1 + i %% {len(COMPANY_WORDS)}] || ' '
                     || ({_array(COMPANY_NAMES)})[1 + (i / 8) %% {len(COMPANY_NAMES)}] || ' ' || i
                     AS name
              FROM generate_series(1, %(n)s) i) s
    """, {"company": company.id, "iran": iran.id, "n": n_companies})
    cr.execute(f"""
        INSERT INTO res_partner (name, complete_name, is_company, company_id, country_id, city,
                                 email, mobile, type, active, lang, create_date, write_date,
                                 create_uid, write_uid)
        SELECT name, name, false, %(company)s, %(iran)s,
               ({_array(CITIES)})[1 + i %% {len(CITIES)}],
               'person' || i || '@example.ir', '+98 912 ' || lpad((i %% 10000000)::text, 7, '0'),
               'contact', true, 'fa_IR', now() - (i %% 1000) * interval '1 day', now(), 1, 1
        FROM (SELECT i, ({_array(FIRST_NAMES)})[1 + i %% {len(FIRST_NAMES)}] || ' '
                     || ({_array(LAST_NAMES)})[1 + (i / 20) %% {len(LAST_NAMES)}] AS name
              FROM generate_series(1, %(n)s) i) s
    """, {"company": company.id, "iran": iran.id, "n": n_partners - n_companies})
    for column in required_defaults:
        cr.execute(f"ALTER TABLE res_partner ALTER COLUMN {column} DROP DEFAULT")
    env.cr.commit()  # pylint: disable=invalid-commit - each step of the generator is kept

    # Lost leads are archived with probability 0; won ones sit in the won stage.
    stages = env["crm.stage"].search([("is_won", "=", False)], order="sequence").ids
    won = env["crm.stage"].search([("is_won", "=", True)], limit=1).id
    team = env["crm.team"].search([], limit=1)
    cr.execute(f"""
        INSERT INTO crm_lead (name, type, active, stage_id, team_id, user_id, company_id,
                              partner_id, contact_name, email_from, expected_revenue,
                              probability, priority, date_deadline, date_open, date_closed,
                              create_date, write_date, create_uid, write_uid)
        SELECT 'فرصت فروش ' || i, CASE WHEN i %% 3 = 0 THEN 'lead' ELSE 'opportunity' END,
               i %% 17 <> 0,
               CASE WHEN i %% 7 = 0 THEN %(won)s ELSE stages[1 + i %% array_length(stages, 1)] END,
               %(team)s, 2, %(company)s,
               partners[1 + i %% array_length(partners, 1)],
               ({_array(FIRST_NAMES)})[1 + i %% {len(FIRST_NAMES)}],
               'lead' || i || '@example.ir', (i %% 500) * 1000000,
               CASE WHEN i %% 17 = 0 THEN 0 WHEN i %% 7 = 0 THEN 100 ELSE i %% 100 END, '1',
               day + 30, day, CASE WHEN i %% 7 = 0 OR i %% 17 = 0 THEN day + 20 END, day, day, 1, 1
        FROM generate_series(1, %(n)s) i,
             LATERAL (SELECT (now() - (i %% 1095) * interval '1 day')::date AS day) d,
             (SELECT %(stages)s::int[] AS stages) st,
             (SELECT array_agg(id) AS partners FROM res_partner WHERE email LIKE '%%@example.ir') p
    """, {"team": team.id, "company": company.id, "n": ctx.count(LEADS), "stages": stages,
          "won": won})
    env.cr.commit()  # pylint: disable=invalid-commit

    call = env.ref("mail.mail_activity_data_call")
    model = env["ir.model"]._get("crm.lead")
    cr.execute("""
        INSERT INTO mail_activity (res_model_id, res_model, res_id, activity_type_id, summary,
                                   date_deadline, user_id, create_date, write_date,
                                   create_uid, write_uid)
        SELECT %(model)s, 'crm.lead', id, %(type)s, 'پیگیری تلفنی',
               (create_date + interval '3 days')::date, 2, now(), now(), 1, 1
        FROM crm_lead ORDER BY id LIMIT %(n)s
    """, {"model": model.id, "type": call.id, "n": ctx.count(ACTIVITIES)})
    env.cr.commit()  # pylint: disable=invalid-commit


def bench_lead_read_group(ctx):
    """The ORM's grouped read of the pipeline against the SQL it stands for."""
    env = ctx.env()
    Lead = env["crm.lead"]

    def orm():
        Lead._read_group([("type", "=", "opportunity")], ["stage_id", "user_id"],
                         ["expected_revenue:sum", "__count"])
        env.invalidate_all()

    def sql():
        env.cr.execute("""
            SELECT stage_id, user_id, sum(expected_revenue), count(*) FROM crm_lead
            WHERE type = 'opportunity' AND active GROUP BY stage_id, user_id
        """)
        env.cr.fetchall()

    subject, baseline = interleaved(orm, sql)
    n = Lead.search_count([])
    return [Result(f"lead pipeline read_group ({n:,} leads)", subject, baseline, 1.5)]


BENCHMARKS = [bench_lead_read_group]
