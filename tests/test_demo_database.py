"""`make run`'s demo database: an Iranian company whose first screens are Persian.

Built the way `make run` builds it (parandctl.prepare_demo_db) under a scratch name: every
module's demo data must load (a demo that fails is silently dropped by Odoo), and a person
who logs in as admin must land on a Persian pipeline, in rials, on Iran's working week.
"""

import hashlib

import parandctl
import pytest

import parand_env as pe


@pytest.fixture
def demo_db(odoo_root):
    name = "parand_t_demo_" + hashlib.sha1(str(pe.REPO).encode()).hexdigest()[:8]
    pe.drop_db(name)
    parandctl.prepare_demo_db(odoo_root, name)
    with pe.pg_cursor(name) as cr:
        yield cr
    pe.drop_db(name)


def test_demo_is_an_iranian_company_on_the_persian_pipeline(demo_db):
    cr = demo_db
    cr.execute("SELECT name FROM ir_module_module WHERE name = ANY(%s) AND NOT demo",
               (list(pe.ADDONS),))
    assert cr.fetchall() == [], "every addon's demo data is loaded"
    cr.execute("""
        SELECT company.name, currency.name, currency.rounding, partner.city, partner.tz,
               country.code, calendar.name::text
          FROM res_company company
          JOIN res_currency currency ON currency.id = company.currency_id
          JOIN res_partner partner ON partner.id = company.partner_id
          JOIN res_country country ON country.id = partner.country_id
          JOIN resource_calendar calendar ON calendar.id = company.resource_calendar_id
         WHERE company.id = 1""")
    name, currency, rounding, city, tz, country, calendar = cr.fetchone()
    assert (name, currency, rounding, city, tz, country) == (
        "شرکت بازرگانی پرند", "IRR", 1.0, "تهران", "Asia/Tehran", "IR")
    assert "Saturday" in calendar
    # The company's logo, which its letters print in their letterhead.
    cr.execute("""SELECT attachment.checksum FROM ir_attachment attachment
                    JOIN res_company company ON company.partner_id = attachment.res_id
                   WHERE company.id = 1 AND attachment.res_model = 'res.partner'
                     AND attachment.res_field = 'image_1920'""")
    logo = (pe.ADDONS_DIR / "parand_crm" / "demo" / "parand_logo.png").read_bytes()
    assert cr.fetchall() == [(hashlib.sha1(logo).hexdigest(),)]
    cr.execute("""SELECT count(*) FROM resource_calendar_leaves leave
                    JOIN res_company company ON company.resource_calendar_id = leave.calendar_id
                   WHERE company.id = 1 AND leave.resource_id IS NULL""")
    assert cr.fetchone()[0] >= 20, "Iran's official holidays are on the company's calendar"

    # The admin's main team (the pipeline CRM opens on) runs the Persian pipeline, with
    # his own deals in several of its stages.
    cr.execute("""
        SELECT users.date_calendar, partner.lang, team.id
          FROM res_users users
          JOIN res_partner partner ON partner.id = users.partner_id
          JOIN crm_team team ON team.id = users.sale_team_id
         WHERE users.login = 'admin'""")
    calendar_kind, lang, team_id = cr.fetchone()
    assert (calendar_kind, lang) == ("jalali", "fa_IR")
    cr.execute("""
        SELECT stage.name->>'fa_IR', count(lead.id)
          FROM crm_stage stage
          LEFT JOIN crm_lead lead ON lead.stage_id = stage.id AND lead.team_id = %s
               AND lead.active AND lead.user_id = 2
         WHERE stage.team_id = %s
         GROUP BY stage.id ORDER BY stage.sequence""", (team_id, team_id))
    stages = cr.fetchall()
    assert [stage for stage, _count in stages][:3] == ["سرنخ جدید", "تماس اولیه",
                                                       "تعیین صلاحیت"]
    assert sum(1 for _stage, count in stages if count) >= 6, stages

    # Persian customers read Persian mail.
    cr.execute("""SELECT count(*) FROM res_partner partner
                   WHERE partner.name ~ '[آ-ی]' AND partner.id != 1
                     AND coalesce(partner.lang, '') != 'fa_IR'""")
    assert cr.fetchone()[0] == 0, "every Persian demo customer has the Persian language"
