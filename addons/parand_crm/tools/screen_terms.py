"""The Odoo terms a Persian salesperson reads on the screens parand_crm covers.

Odoo's own Persian translation leaves many of these terms in English. parand_crm ships
Persian for them in ``i18n_extra/<module>.<lang>.po`` files (an overlay on the other
modules' translations, see ``models/ir_module.py`` and ``models/code_translations.py``).

``SCREENS`` names, per Odoo module, the sources of those screens as they appear in the
module's ``.pot`` occurrences: a ``code:`` path prefix (the JS, XML templates or Python
file that prints the term) or a ``model:``/``model_terms:`` record (a view, an action, a
menu). :func:`screen_terms` reads a ``.pot`` file and returns the terms of those sources.
"""

import polib

# Per module: the occurrence prefixes of the screens a Persian salesperson uses daily:
# the CRM pipeline (kanban, list, form, search), activities (systray, popovers, the
# activity view, plans), the control panel and the search panel, the custom filter
# editor, the graph view, the contacts, and the customer portal's home and invoices.
SCREENS = {
    "crm": (
        "code:addons/crm/static/src/",
        "code:addons/crm/models/crm_lead.py",
        "model_terms:ir.ui.view,arch_db:crm.crm_case_kanban_view_leads",
        "model_terms:ir.ui.view,arch_db:crm.crm_lead_view_form",
        "model_terms:ir.ui.view,arch_db:crm.crm_case_tree_view_oppor",
        "model_terms:ir.ui.view,arch_db:crm.crm_case_tree_view_leads",
        "model_terms:ir.ui.view,arch_db:crm.view_crm_case_opportunities_filter",
        "model_terms:ir.ui.view,arch_db:crm.quick_create_opportunity_form",
        "model_terms:ir.ui.view,arch_db:crm.crm_lead_lost_view_form",
        "model_terms:ir.actions.act_window,help:crm.crm_activity_report_action",
        "model_terms:ir.actions.act_window,help:crm.crm_activity_report_action_team",
        "model:ir.actions.act_window,name:crm.mail_activity_plan_action_lead",
        "model:ir.ui.menu,name:crm.mail_activity_plan_menu_config_lead",
    ),
    "crm_iap_mine": (
        "code:addons/crm_iap_mine/static/src/",
        "model_terms:ir.ui.view,arch_db:crm_iap_mine.crm_lead_view_tree_lead",
        "model_terms:ir.ui.view,arch_db:crm_iap_mine.crm_lead_view_tree_opportunity",
        "model_terms:ir.ui.view,arch_db:crm_iap_mine.view_crm_lead_kanban",
        "model:ir.actions.act_window,name:crm_iap_mine.crm_iap_lead_mining_request_action",
        "model:ir.ui.menu,name:crm_iap_mine.crm_iap_lead_mining_request_menu_action",
    ),
    "crm_iap_enrich": (
        "model:ir.actions.server,name:crm_iap_enrich.action_enrich_mail",
        "model_terms:ir.ui.view,arch_db:crm_iap_enrich.crm_lead_view_form",
    ),
    "mail": (
        "code:addons/mail/static/src/core/web/activity",
        "code:addons/mail/static/src/views/web/activity/",
        "code:addons/mail/static/src/views/web/fields/list_activity/",
        "code:addons/mail/static/src/views/web/fields/activity_exception/",
        "code:addons/mail/static/src/chatter/web/chatter.xml",
        "code:addons/mail/static/src/core/common/relative_time.js",
        "code:addons/mail/static/src/views/fields/statusbar_duration/",
        "model:ir.actions.act_window,name:mail.mail_activity_plan_action",
        "model:mail.activity.type,name:mail.",
        "model:ir.ui.menu,name:mail.menu_mail_activity_plan",
    ),
    "web": (
        "code:addons/web/static/src/search/",
        "code:addons/web/static/src/core/tree_editor/",
        "code:addons/web/static/src/core/domain_selector/",
        "code:addons/web/static/src/core/domain_selector_dialog/",
        "code:addons/web/static/src/core/model_field_selector/",
        "code:addons/web/static/src/core/pager/",
        "code:addons/web/static/src/views/graph/",
        "code:addons/web/static/src/views/kanban/kanban_header",
        "code:addons/web/static/src/views/kanban/kanban_column_quick_create",
        "code:addons/web/static/src/views/list/list_renderer",
        "code:addons/web/static/src/views/list/list_controller",
        "code:addons/web/static/src/views/fields/remaining_days/",
    ),
    "portal": (
        "model_terms:ir.ui.view,arch_db:portal.portal_my_home",
        "model_terms:ir.ui.view,arch_db:portal.portal_layout",
        "model_terms:ir.ui.view,arch_db:portal.my_account_link",
        "model_terms:ir.ui.view,arch_db:portal.user_dropdown",
        "model_terms:ir.ui.view,arch_db:portal.portal_searchbar",
        "model_terms:ir.ui.view,arch_db:portal.pager",
        "model_terms:ir.ui.view,arch_db:portal.record_pager",
        "model_terms:ir.ui.view,arch_db:portal.side_content",
        "model_terms:ir.ui.view,arch_db:portal.portal_my_details",
        "model_terms:ir.ui.view,arch_db:portal.portal_my_details_fields",
        "model_terms:ir.ui.view,arch_db:portal.frontend_layout",
    ),
    "account": (
        "model_terms:ir.ui.view,arch_db:account.portal_my_home_invoice",
        "model_terms:ir.ui.view,arch_db:account.portal_my_invoices",
    ),
    "sales_team": (
        "model_terms:ir.ui.view,arch_db:sales_team.crm_team_view_kanban_dashboard",
    ),
    "contacts": (
        "model:ir.actions.act_window,name:contacts.action_contacts",
        "model:ir.ui.menu,name:contacts.menu_contacts",
    ),
}

JS_COMMENT = "odoo-javascript"
PYTHON_COMMENT = "odoo-python"


def _matches(occurrence, prefixes):
    return any(occurrence.startswith(prefix) for prefix in prefixes)


def screen_terms(pot_path, prefixes):
    """The terms of ``pot_path`` printed by the sources named by ``prefixes``.

    :return: a list of dicts with ``msgid``, ``kind`` (``"js"``, ``"python"`` for code
        terms, ``"model"``, ``"model_terms"`` for database terms) and ``occurrences``
        (the matching occurrences, ``"model_terms:ir.ui.view,arch_db:crm.view"``).
    """
    terms = []
    for entry in polib.pofile(pot_path):
        if entry.obsolete or not entry.msgid:
            continue
        occurrences = [occ for occ, _line in entry.occurrences if _matches(occ, prefixes)]
        if not occurrences:
            continue
        for kind in ("model_terms", "model"):
            records = [occ for occ in occurrences if occ.startswith(kind + ":")]
            if records:
                terms.append({"msgid": entry.msgid, "kind": kind, "occurrences": records})
        if any(occ.startswith("code:") for occ in occurrences):
            flags = entry.comment or ""
            kind = "js" if JS_COMMENT in flags else "python" if PYTHON_COMMENT in flags else None
            if kind:
                terms.append({"msgid": entry.msgid, "kind": kind, "occurrences": [
                    occ for occ in occurrences if occ.startswith("code:")]})
    return terms


def parse_record_occurrence(occurrence):
    """``model_terms:ir.ui.view,arch_db:crm.view`` -> ``("ir.ui.view", "arch_db",
    "crm.view")``."""
    _kind, rest = occurrence.split(":", 1)
    model_field, xmlid = rest.rsplit(":", 1)
    model, field = model_field.split(",")
    return model, field, xmlid
