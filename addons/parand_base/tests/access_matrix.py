"""Who may do what in the three addons: ONE table, tested and rendered as documentation.

Each row names a model (read, write, create, unlink, or a public method called over RPC) or
an HTTP route, and the roles allowed to do it; every other role must be refused (an
AccessError or UserError for models and methods, a login page, 403 or 404 for routes). The
access matrix tests (tests/test_access_matrix.py of each addon) build the users and records
of ROLES and run every row for every role; docs/security-matrix.md is render_markdown() of
this table (`python3 scripts/security_matrix.py` writes it, a test checks it is current).

Pure data: no Odoo import, so that the documentation can be written without a database.
"""

from collections import namedtuple

ROLES = (
    ("anonymous", "Anonymous visitor (the public user)"),
    ("portal_owner", "Portal user who owns the record (the complainant, the customer)"),
    ("portal_other", "Another portal user"),
    ("sales_team", "Salesperson (own documents) of the record's sales team, its responsible"),
    ("sales_other", "Salesperson (own documents) of another sales team"),
    ("manager", "Sales manager (Sales: Administrator) of the record's company"),
    ("other_company", "Sales manager of another company only"),
)
ROLE_KEYS = tuple(key for key, _label in ROLES)
INTERNAL = frozenset({"sales_team", "sales_other", "manager", "other_company"})
SALES_A = frozenset({"sales_team", "sales_other", "manager"})  # salespeople of company A
OWNERS = frozenset({"sales_team", "manager"})  # the record's salesperson and the manager
MANAGERS = frozenset({"manager", "other_company"})
EVERYONE = frozenset(ROLE_KEYS)
NOBODY = frozenset()

Row = namedtuple("Row", "addon target action allowed fix record fields vals args note",
                 defaults=(None, None, None, None, None, ""))
# addon: whose tests run the row; target: model or "METHOD /route"; action: read, write,
# create, unlink, a method name, or "route"; allowed: the roles that may; fix: the
# finding of issue #13 that makes it hold; record: the fixture the row works on (see the
# addon's test_access_matrix); fields: what is read; vals: what is written or created
# (fixture names in braces are replaced by their ids); args: keyword arguments of a method
# call; note: what the row means, for the documentation.

TABLE = (
    # ------------------------------------------------------------------ parand_crm
    Row("parand_crm", "parand.pipeline.stage", "read", INTERNAL, record="pipeline_stage"),
    Row("parand_crm", "parand.pipeline.stage", "write", MANAGERS, record="pipeline_stage",
        vals={"requirements": "Budget confirmed"}),
    Row("parand_crm", "parand.pipeline.stage", "create", MANAGERS,
        vals={"name": "Matrix stage"}),
    Row("parand_crm", "parand.pipeline.stage", "unlink", MANAGERS, record="pipeline_stage"),
    Row("parand_crm", "parand.jalali.day", "read", INTERNAL, record="jalali_day",
        note="the Jalali calendar table, for grouping by Jalali periods"),
    Row("parand_crm", "parand.jalali.day", "create", NOBODY,
        vals={"day": "2900-01-01"}, note="filled by the module only"),
    Row("parand_crm", "parand.pipeline.application", "create", {"manager"},
        vals={"team_id": "{team_b}"},
        note="applying the Parand pipeline to a team"),
    Row("parand_crm", "crm.lead", "read", OWNERS, record="lead", fields=["name", "phone"],
        note="Odoo's rule: own-documents salespeople read their own and unassigned leads"),
    Row("parand_crm", "res.partner", "read", INTERNAL | {"portal_owner"}, record="customer",
        fields=["name", "l10n_ir_national_code"],
        note="a customer without company: every internal user, and the customer himself"),
    # ------------------------------------------------------------------ crm_feedback
    Row("crm_feedback", "crm.complaint", "read", OWNERS | {"portal_owner"}, record="complaint",
        fields=["name", "subject", "description", "state", "response"],
        note="the complainant reads his complaint on the portal"),
    Row("crm_feedback", "crm.complaint", "read", OWNERS, record="complaint", fix="M3",
        fields=["resolution", "escalation_note", "hours_to_respond", "root_cause_id"],
        note="internal handling of a complaint: not for the complainant"),
    Row("crm_feedback", "crm.complaint", "read", {"manager", "portal_owner"},
        record="complaint_unowned", fields=["name", "subject"], fix="L5",
        note="complaints nobody owns yet (the public form): complaints officers and "
             "managers, not every salesperson"),
    Row("crm_feedback", "crm.complaint", "write", OWNERS, record="complaint",
        vals={"subject": "Late delivery (checked)"}),
    Row("crm_feedback", "crm.complaint", "write", NOBODY, record="complaint", fix="L4",
        vals={"state": "closed"}, note="workflow fields: only the workflow's buttons set them"),
    Row("crm_feedback", "crm.complaint", "create", INTERNAL,
        vals={"partner_id": "{customer}", "subject": "Matrix", "description": "Matrix"}),
    Row("crm_feedback", "crm.complaint", "unlink", {"manager"}, record="complaint"),
    Row("crm_feedback", "crm.complaint", "action_acknowledge", OWNERS, record="complaint"),
    Row("crm_feedback", "crm.complaint.category", "read",
        INTERNAL | {"portal_owner", "portal_other"}, record="complaint_category"),
    Row("crm_feedback", "crm.complaint.category", "create", MANAGERS,
        vals={"name": "Matrix category"}),
    Row("crm_feedback", "crm.feedback", "read", OWNERS, record="feedback",
        fields=["comment", "value", "partner_id"],
        note="feedback of a customer: his salesperson and the managers"),
    Row("crm_feedback", "crm.feedback", "write", OWNERS, record="feedback",
        vals={"comment": "Called back"}),
    Row("crm_feedback", "crm.feedback", "write", NOBODY, record="feedback", fix="L4",
        vals={"source_key": "refund:x"}, note="bookkeeping of derived feedback"),
    Row("crm_feedback", "crm.feedback", "unlink", {"manager"}, record="feedback"),
    Row("crm_feedback", "crm.feedback", "get_metrics", INTERNAL, args={},
        note="the dashboard's measures, over what the caller may read"),
    Row("crm_feedback", "crm.feedback", "get_metrics", NOBODY, fix="H1",
        args={"invitation_domain": [["partner_id.user_ids.login", "=like", "a%"]]},
        note="no caller domain is evaluated with the superuser's rights"),
    Row("crm_feedback", "crm.feedback", "get_dashboard_data", INTERNAL, args={}),
    Row("crm_feedback", "res.partner", "read", INTERNAL, record="customer", fix="M3",
        fields=["satisfaction_score", "churn_risk", "lifetime_value", "rfm_segment"],
        note="a customer's scores: internal, not for the customer himself"),
    Row("crm_feedback", "res.partner", "action_sync_implicit_feedback", MANAGERS,
        record="customer"),
    Row("crm_feedback", "GET /complaint/new", "route", EVERYONE,
        note="the public complaint form"),
    Row("crm_feedback", "GET /my/complaints", "route", EVERYONE - {"anonymous"},
        note="the portal list: each user sees the complaints he may read"),
    Row("crm_feedback", "GET /my/complaints/<complaint>", "route",
        OWNERS | {"portal_owner"}, record="complaint",
        note="without the access token of the complaint's mail"),
    # ------------------------------------------------------------------ crm_campaigns
    Row("crm_campaigns", "utm.campaign", "read", SALES_A, record="campaign",
        fields=["name", "user_id"]),
    Row("crm_campaigns", "utm.campaign", "write", SALES_A, record="campaign",
        vals={"title": "Nowruz offer (checked)"},
        note="Odoo's UTM rights: every internal user of the company"),
    Row("crm_campaigns", "utm.campaign", "action_add_marketing_lists", {"manager"},
        record="campaign", fix="M4", note="adds members: needs the right to create members"),
    Row("crm_campaigns", "utm.campaign", "action_sync_mailing_contacts", SALES_A,
        record="campaign", fix="M4"),
    Row("crm_campaigns", "crm.campaign.member", "read", OWNERS, record="member",
        fields=["partner_id", "status_id"]),
    Row("crm_campaigns", "crm.campaign.member", "write", OWNERS, record="member",
        vals={"status_id": "{status_contacted}"}),
    Row("crm_campaigns", "crm.campaign.member", "create", MANAGERS - {"other_company"},
        vals={"campaign_id": "{campaign}", "partner_id": "{customer_2}"}),
    Row("crm_campaigns", "crm.campaign.member", "unlink", {"manager"}, record="member"),
    Row("crm_campaigns", "crm.marketing.list", "read", SALES_A, record="marketing_list",
        fields=["name", "partner_ids"]),
    Row("crm_campaigns", "crm.marketing.list", "write", {"manager"}, record="marketing_list",
        vals={"name": "Tehran customers (checked)"}),
    Row("crm_campaigns", "crm.marketing.list", "create", MANAGERS,
        vals={"name": "Matrix list"}),
    Row("crm_campaigns", "crm.marketing.list", "action_refresh", {"manager"},
        record="dynamic_list", note="a dynamic list's entries found again by its filters"),
    Row("crm_campaigns", "crm.marketing.list.import", "create", MANAGERS - {"other_company"},
        vals={"list_id": "{marketing_list}", "file": "bmFtZSxlbWFpbAo=",
              "filename": "list.csv"}, note="importing contacts into a list"),
    Row("crm_campaigns", "crm.campaign.activity", "read", OWNERS, record="activity",
        fields=["summary", "state"]),
    Row("crm_campaigns", "crm.campaign.activity", "action_mark_done", OWNERS,
        record="activity"),
    Row("crm_campaigns", "crm.campaign.touch", "read", OWNERS, record="touch",
        fields=["touch_type", "lead_id"]),
    Row("crm_campaigns", "crm.campaign.touch", "action_refresh", MANAGERS, fix="M4",
        note="rebuilding every lead's touches"),
)


def rows(addon):
    return [(index, row) for index, row in enumerate(TABLE) if row.addon == addon]


def _what(row):
    if row.action == "route":
        return f"`{row.target}`"
    detail = ""
    if row.fields:
        detail = " " + ", ".join(row.fields)
    elif row.vals and row.action == "write":
        detail = " " + ", ".join(row.vals)
    elif row.args:
        detail = " with " + ", ".join(row.args)
    return f"`{row.target}` {row.action}{detail}"


def render_markdown():
    """docs/security-matrix.md: the table, one line a row, ✓ allowed, — refused."""
    lines = [
        "# Security matrix",
        "",
        "Who may do what in parand_crm, crm_feedback and crm_campaigns. Generated from",
        "`addons/parand_base/tests/access_matrix.py` by `python3 scripts/security_matrix.py`;",
        "every cell is a test (`tests/test_access_matrix.py` of each addon): ✓ the role may,",
        "— the role is refused (AccessError or UserError; a login page, 403 or 404 for a",
        "route). Models are read, written, created and unlinked through the ORM as over RPC;",
        "methods are the public ones a client can call.",
        "",
        "Roles:",
        "",
    ]
    lines += [f"- **{key}**: {label}" for key, label in ROLES]
    lines += ["", "| Addon | What | " + " | ".join(ROLE_KEYS) + " | Note |",
              "|---|---|" + "---|" * len(ROLE_KEYS) + "---|"]
    for row in TABLE:
        cells = ["✓" if key in row.allowed else "—" for key in ROLE_KEYS]
        note = row.note + (f" (#13 {row.fix})" if row.fix else "")
        lines.append(f"| {row.addon} | {_what(row)} | " + " | ".join(cells) + f" | {note} |")
    return "\n".join(lines) + "\n"
