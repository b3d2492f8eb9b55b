"""parand_crm: what the Persian CRM costs on the lead pipeline.

- Creating 10,000 leads (Persian names, Iranian phones and national codes to normalize)
  with parand_crm installed, against the same creation in the twin database without our
  addons: at most 1.15x.
- A Jalali reader's list of leads grouped by month of creation (200,000 leads at scale 1;
  the issue's figure is for 1,250,000), against a Gregorian reader's: at most 1.2x; the
  same for the month group-by of any date of any model (the date of the 1,000,000 feedback
  records when bench_feedback's data is there).
- Queries of one lead's create, stage change, list read and form read with parand_crm,
  against Odoo's own: the form read costs the same count.
"""

from .common import Result, interleaved

LEADS_CREATED = 10_000
BATCH = 500


def _lead_values(count):
    return [{
        "name": f"درخواست خرید شمارهٔ {i}", "type": "opportunity",
        "contact_name": "علي كريمي", "partner_name": f"شركت نمونه {i}",
        "email_from": f"buyer{i}@example.ir", "phone": f"۰۹۱۲{i % 10_000_000:07d}",
        "expected_revenue": 1_000_000 * (i % 50), "date_deadline": "2025-03-20",
    } for i in range(count)]


def _create_leads(env, values):
    """Create the leads as an import would (batches of 500), then undo them."""
    env.cr.execute("SAVEPOINT bench_create")
    Lead = env["crm.lead"]
    for start in range(0, len(values), BATCH):
        Lead.create(values[start:start + BATCH])
    env.flush_all()
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_create")
    env.invalidate_all()


def bench_lead_create(ctx):
    import bench.run

    ours, bare = ctx.env(), ctx.env(bench.run.BASE_DB)
    values = _lead_values(ctx.count(LEADS_CREATED))
    subject, baseline = interleaved(lambda: _create_leads(ours, values),
                                    lambda: _create_leads(bare, values), repeat=2)
    return [Result(f"create {len(values):,} leads with parand_crm", subject, baseline, 1.15,
                   "without parand_crm")]


def bench_jalali_group_by(ctx):
    env = ctx.env()
    results = []
    for model, groupby in (("crm.lead", "create_date:month"), ("crm.lead", "date_deadline:month"),
                           ("crm.feedback", "date:month")):
        # crm.feedback has data when bench_feedback's generator ran (-k feedback or all).
        if model in env and env[model].search_count([], limit=1):
            results.append(_any_date_by_jalali_month(env, model, groupby))
    return results


def _any_date_by_jalali_month(env, model, groupby):
    """A Jalali reader's month group-by of a date, as the web client asks for it (list,
    pivot, graph), against a Gregorian reader's: Odoo's date_trunc against the inlined
    IMMUTABLE function of parand_jalali_day.py."""
    # The context the web client sends (res.users.context_get).
    records = env[model].with_context(tz="Asia/Tehran", lang="fa_IR", persian_digits=False)
    aggregates = ["expected_revenue:sum"] if model == "crm.lead" else []

    def read(calendar):
        records.with_context(date_calendar=calendar).web_read_group(
            [], aggregates, [groupby], lazy=False)
        env.invalidate_all()

    subject, baseline = interleaved(lambda: read("jalali"), lambda: read("gregorian"))
    n = records.search_count([])
    return Result(f"{model} by {groupby} as a Jalali reader ({n:,})", subject, baseline, 1.2,
                  "Gregorian reader")


def _lead_queries(env, spec):
    """Queries of one lead's create, stage change, list read and form read, as a salesperson
    does them: on the lead just created, the same lead in both databases, whatever leads
    the generators made (a list of 80 of them would also count them)."""
    Lead = env["crm.lead"]
    stages = env["crm.stage"].search([("is_won", "=", False)], limit=2)
    counts = {}
    env.cr.execute("SAVEPOINT bench_queries")
    created = []
    # The write moves the lead just created: the same lead in both databases, whatever
    # history the generated leads give Odoo's predictive lead scoring to update.
    for name, operation in (
        ("create", lambda: created.append(Lead.create(_lead_values(1)))),
        ("write", lambda: created[0].write({"stage_id": stages[-1].id})),
        ("list read", lambda: Lead.web_search_read(
            [("id", "=", created[0].id)], {"name": {}, "partner_id": {"fields": {}},
                                           "stage_id": {"fields": {}},
                                           "expected_revenue": {}, "date_deadline": {}},
            limit=80)),
        ("form read", lambda: created[0].web_read(spec)),
    ):
        env.invalidate_all()
        before = env.cr.sql_log_count
        operation()
        env.flush_all()
        counts[name] = env.cr.sql_log_count - before
    env.cr.execute("ROLLBACK TO SAVEPOINT bench_queries")
    env.invalidate_all()
    return counts


def _form_spec(env):
    """The web_read specification of the lead form (its fields, many2ones with their name)."""
    from lxml import etree

    Lead = env["crm.lead"]
    arch = etree.fromstring(Lead.get_views([(False, "form")])["views"]["form"]["arch"])
    names = {node.get("name") for node in arch.xpath("//field[not(ancestor::field)]")}
    return {name: {"fields": {"display_name": {}}} if Lead._fields[name].type == "many2one"
            else {} for name in names}


def bench_lead_query_counts(ctx):
    import bench.run

    ours_env, bare_env = ctx.env(), ctx.env(bench.run.BASE_DB)
    # Odoo's own lead form (crm's fields as crm lays them out), read in both databases.
    spec = _form_spec(bare_env)
    # The second round: both databases' caches (access rights, views) are warm.
    ours, bare = ([_lead_queries(env, spec) for _round in range(2)][-1]
                  for env in (ours_env, bare_env))
    # The issues allow Odoo's own count plus 2 for writing, and Odoo's count for reading:
    # the limits are those, as ratios.
    limits = {"create": 2, "write": 2, "list read": 0, "form read": 0}
    return [Result(f"queries of one lead {name}", ours[name], bare[name],
                   (bare[name] + extra) / bare[name], "without parand_crm", unit="queries")
            for name, extra in limits.items()]


BENCHMARKS = [bench_lead_create, bench_jalali_group_by, bench_lead_query_counts]
