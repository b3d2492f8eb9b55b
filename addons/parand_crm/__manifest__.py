# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Persian CRM",
    "summary": "Persian CRM: Jalali calendar, Persian pipeline, Iranian identity data",
    "version": "18.0.1.1.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "images": ["static/description/banner.png"],
    "application": True,
    "depends": ["crm", "utm", "resource", "parand_base"],
    "external_dependencies": {"python": ["jdatetime", "phonenumbers", "holidays"]},
    "data": [
        "security/parand_crm_security.xml",
        "security/ir.model.access.csv",
        "data/parand_pipeline_data.xml",
        "data/mail_activity_type_data.xml",
        "data/utm_data.xml",
        "data/res_country_state_data.xml",
        "data/resource_calendar_data.xml",
        "views/parand_pipeline_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/res_users_views.xml",
        "views/jalali_search_views.xml",
        "views/utm_source_views.xml",
        "views/resource_calendar_views.xml",
        "views/res_config_settings_views.xml",
        "report/crm_lead_letter_report.xml",
        "report/parand_stage_conversion_report_views.xml",
    ],
    "demo": [
        "demo/parand_crm_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            # Before the web client's own modules, so that every one of them imports the
            # Jalali-aware date functions (see static/src/core/utils/patch_odoo_module.js);
            # each file after the ones it imports, so that none waits for a later one.
            ("before", "web/static/src/env.js",
             "parand_crm/static/src/core/utils/patch_odoo_module.js"),
            ("before", "web/static/src/env.js", "parand_crm/static/src/core/l10n/jalali.js"),
            ("before", "web/static/src/env.js", "parand_crm/static/src/rtl/persian_durations.js"),
            ("before", "web/static/src/env.js", "parand_crm/static/src/core/l10n/jalali_dates.js"),
            ("before", "web/static/src/env.js",
             "parand_crm/static/src/views/fields/persian_number_parsers.js"),
            ("before", "web/static/src/env.js",
             "parand_crm/static/src/views/fields/persian_number_formatters.js"),
            ("before", "web/static/src/env.js",
             "parand_crm/static/src/search/jalali_search_dates.js"),
            "parand_crm/static/src/core/datetime/*",
            "parand_crm/static/src/views/calendar/*",
            "parand_crm/static/src/mail/*.js",
            "parand_crm/static/src/model/*.js",
            "parand_crm/static/src/rtl/bidi.scss",
            "parand_crm/static/src/rtl/layout.scss",
            "parand_crm/static/src/rtl/list_widths.js",
        ],
        # The graph view is loaded on demand, with its own bundle.
        "web.assets_backend_lazy": [
            "parand_crm/static/src/rtl/graph_rtl.js",
        ],
        # Phone numbers and emails read left to right on portal pages and in reports too.
        "web.assets_frontend": [
            "parand_crm/static/src/rtl/bidi.scss",
        ],
        "web.report_assets_common": [
            "parand_crm/static/src/report/letter.scss",
            "parand_crm/static/src/rtl/bidi.scss",
        ],
        "web.assets_unit_tests": [
            "parand_crm/static/tests/**/*.test.js",
        ],
        "web.assets_tests": [
            "parand_crm/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "_post_init_hook",
    "uninstall_hook": "_uninstall_hook",
}
