# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Marketing Campaigns",
    "summary": "Marketing lists, campaign members, activities and costs, campaign results and ROI",
    "version": "18.0.1.2.0",
    "category": "Marketing",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "images": ["static/description/banner.png"],
    "application": True,
    # marketing_campaign_dates (OCA, from PyPI): the campaign's start and end dates.
    "depends": ["crm", "utm", "marketing_campaign_dates", "parand_base"],
    "data": [
        "security/ir.model.access.csv",
        "data/crm_campaign_data.xml",
        "views/utm_campaign_views.xml",
        "views/crm_campaign_member_views.xml",
        "views/crm_marketing_list_views.xml",
        "views/crm_campaign_activity_views.xml",
        "views/crm_campaign_touch_views.xml",
        "views/res_config_settings_views.xml",
        "wizard/crm_campaign_activity_schedule_views.xml",
        "report/crm_campaign_report_views.xml",
        "report/crm_campaign_attribution_report_views.xml",
        "report/crm_campaign_summary_templates.xml",
        "data/crm_marketing_list_import_data.xml",
        "views/crm_marketing_list_import_views.xml",
        "security/crm_campaigns_security.xml",
        "views/crm_campaigns_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "crm_campaigns/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/crm_campaigns_demo.xml",
        "demo/crm_marketing_list_import_demo.xml",
    ],
}
