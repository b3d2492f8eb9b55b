"""Install, upgrade and uninstall the addons on real databases, alone and together.

An organization installs these addons into an Odoo it already runs: installing must add
and change nothing of theirs, and uninstalling must leave the database as it found it.
"""

import json

import pytest

import parand_env as pe

# Data a bare `crm` database already holds when an organization installs our addons.
EXISTING_CRM_DATA = """
Partner = env['res.partner']
company = Partner.create({'name': 'Existing Trading Co', 'is_company': True,
                          'phone': '+98 21 8888 0000', 'email': 'info@existing.example'})
person = Partner.create({'name': 'Ali Existing', 'parent_id': company.id,
                         'mobile': '+98 912 000 0000', 'email': 'ali@existing.example'})
team = env['crm.team'].create({'name': 'Existing Team'})
stage = env['crm.stage'].create({'name': 'Existing Custom Stage', 'sequence': 3})
Lead = env['crm.lead']
for index, crm_stage in enumerate(env['crm.stage'].search([])):
    Lead.create({'name': f'Existing opportunity {index}', 'type': 'opportunity',
                 'partner_id': company.id, 'stage_id': crm_stage.id, 'team_id': team.id,
                 'expected_revenue': 1000 * (index + 1), 'date_deadline': '2025-03-20'})
Lead.create({'name': 'Existing lead', 'type': 'lead', 'contact_name': 'Sara Lead',
             'email_from': 'sara@lead.example', 'partner_id': person.id})
lost = Lead.create({'name': 'Existing lost one', 'type': 'opportunity', 'partner_id': person.id})
lost.action_set_lost()
lost.activity_schedule('mail.mail_activity_data_call', summary='Call back', user_id=env.uid)
"""

# The tables whose existing rows must come out of an install untouched.
WATCHED_TABLES = ("res_partner", "crm_lead", "crm_stage", "crm_team", "mail_activity",
                  "utm_source", "utm_medium", "utm_campaign", "res_users", "res_company",
                  "res_country_state", "mail_activity_type", "crm_lost_reason")


def schema(db):
    """Every (table, column) of the public schema."""
    return set(db.query(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public'"
    ))


def snapshot(db, columns):
    """Rows of the watched tables, restricted to the columns they had at first."""
    rows = {}
    for table in WATCHED_TABLES:
        names = sorted(column for tbl, column in columns if tbl == table)
        if not names:
            continue
        select = ", ".join(f'"{name}"::text' for name in names)
        rows[table] = (names, db.query(f'SELECT {select} FROM "{table}" ORDER BY id'))
    return rows


def same_value(old, new):
    """Equal, or a translated field that only gained languages it had no term in: Persian
    for Odoo's own records (parand_crm's overlay) where their language lacked it."""
    if old == new:
        return True
    try:
        old_terms, new_terms = json.loads(old), json.loads(new)
    except (TypeError, ValueError):
        return False
    return (isinstance(old_terms, dict) and isinstance(new_terms, dict)
            and all(new_terms.get(lang) == term for lang, term in old_terms.items()))


def assert_same_rows(before, after):
    for table, (names, old_rows) in before.items():
        new_rows = after[table][1]
        old_by_id = {row[names.index("id")]: row for row in old_rows}
        new_by_id = {row[names.index("id")]: row for row in new_rows}
        missing = sorted(set(old_by_id) - set(new_by_id))
        assert not missing, f"{table}: rows {missing} disappeared"
        changed = {
            row_id: [name for name, old, new in zip(names, row, new_by_id[row_id], strict=True)
                     if not same_value(old, new)]
            for row_id, row in old_by_id.items() if row != new_by_id[row_id]
        }
        changed = {row_id: names for row_id, names in changed.items() if names}
        assert not changed, f"{table}: existing rows changed: {changed}"


OLD_COMPLAINT_RULE = ("['|', '|', ('user_id', '=', user.id), ('team_id', 'in', "
                      "user.crm_team_ids.ids), '&', ('user_id', '=', False), "
                      "('team_id', '=', False)]")


def rule_domain(db, xmlid):
    module, name = xmlid.split(".")
    return db.query("""SELECT rule.domain_force FROM ir_rule rule
                         JOIN ir_model_data imd ON imd.res_id = rule.id AND imd.model = 'ir.rule'
                        WHERE imd.module = %s AND imd.name = %s""", (module, name))[0][0]


def assert_module_gone(db, module):
    assert db.module_states(module) == {module: "uninstalled"}
    assert db.query("SELECT count(*) FROM ir_model_data WHERE module = %s", (module,)) == [(0,)]


def comes_with(addon):
    """The addons that installing `addon` installs: itself, the addons it depends on, and
    the bridges (auto_install) between those."""
    there = {addon, *pe.addon_depends(addon)}
    return there | {bridge for bridge in pe.ADDONS
                    if pe.addon_manifest(bridge).get("auto_install")
                    and set(pe.addon_depends(bridge)) <= there}


@pytest.mark.parametrize("addon", pe.ADDONS)
def test_addon_installs_alone_and_uninstalls_cleanly(scratch_db, addon):
    before = schema(scratch_db)
    scratch_db.install(addon)
    # An addon brings the addons it depends on and the bridges between those (crm_feedback
    # brings crm_feedback_account and crm_feedback_sale, as the template has Invoicing and
    # Sales), and nothing else.
    brought = comes_with(addon)
    others = [other for other in pe.ADDONS if other not in brought]
    states = scratch_db.module_states(*brought, *others)
    assert all(states[there] == "installed" for there in brought), states
    assert all(states[other] == "uninstalled" for other in others), (
        f"{addon} must not need {others}: {states}"
    )

    scratch_db.uninstall(addon, *pe.addon_depends(addon))
    for gone in comes_with(addon):
        assert_module_gone(scratch_db, gone)
    left = schema(scratch_db) - before
    assert not left, f"uninstalling {addon} left tables/columns behind: {sorted(left)}"
    assert scratch_db.query("SELECT proname FROM pg_proc WHERE proname LIKE 'parand%'") == []


def test_all_addons_install_together_upgrade_and_uninstall(scratch_db):
    before = schema(scratch_db)
    scratch_db.install(*pe.ADDONS)
    assert set(scratch_db.module_states(*pe.ADDONS).values()) == {"installed"}
    installed_schema = schema(scratch_db)
    # As a database of crm_feedback 18.0.1.0.0 was: its salespeople read unowned complaints.
    rule = "crm_feedback.crm_complaint_rule_salesman"
    new_domain = rule_domain(scratch_db, rule)
    scratch_db.shell(f"""
env.ref({rule!r}).domain_force = {OLD_COMPLAINT_RULE!r}
env['ir.module.module']._get('crm_feedback').latest_version = '18.0.1.0.0'
env['ir.module.module']._get('parand_crm').latest_version = '18.0.1.0.0'
""")

    _rc, output = scratch_db.upgrade(*pe.ADDONS)
    assert set(scratch_db.module_states(*pe.ADDONS).values()) == {"installed"}
    assert rule_domain(scratch_db, rule) == new_domain, "the upgrade rewrites the changed rule"
    assert schema(scratch_db) == installed_schema, "an upgrade without changes changed the schema"
    assert "WARNING" not in output.replace("Running as user 'root'", ""), output[-3000:]

    scratch_db.uninstall(*pe.ADDONS)
    for addon in pe.ADDONS:
        assert_module_gone(scratch_db, addon)
    assert schema(scratch_db) - before == set()


def test_install_on_existing_crm_data_changes_none_of_it(scratch_db):
    scratch_db.shell(EXISTING_CRM_DATA)
    columns = schema(scratch_db)
    before = snapshot(scratch_db, columns)
    assert len(before["crm_lead"][1]) >= 6

    scratch_db.install(*pe.ADDONS)
    assert_same_rows(before, snapshot(scratch_db, columns))

    scratch_db.upgrade(*pe.ADDONS)
    assert_same_rows(before, snapshot(scratch_db, columns))

    scratch_db.uninstall(*pe.ADDONS)
    assert_same_rows(before, snapshot(scratch_db, columns))
