# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Customer Feedback",
    "summary": "Customer feedback, NPS/CSAT/CES, health score, churn, ISO 10002 complaints",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm", "survey", "portal", "product", "rating"],
    "data": [
        "security/crm_complaint_security.xml",
        "security/ir.model.access.csv",
        "security/crm_feedback_security.xml",
        "data/crm_complaint_data.xml",
        "data/crm_complaint_mail_templates.xml",
        "data/crm_complaint_survey.xml",
        "data/crm_feedback_data.xml",
        "data/crm_feedback_survey.xml",
        "views/crm_complaint_views.xml",
        "views/crm_complaint_portal_templates.xml",
        "views/crm_feedback_portal_templates.xml",
        "report/crm_complaint_report_views.xml",
        "report/crm_complaint_report_templates.xml",
        "views/crm_complaint_menus.xml",
        "views/crm_feedback_views.xml",
        "views/res_partner_views.xml",
        "views/crm_lead_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_feedback_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "crm_feedback/static/src/dashboard/*",
        ],
        "web.assets_tests": [
            "crm_feedback/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "demo/crm_complaint_demo.xml",
        "demo/crm_feedback_demo.xml",
    ],
}
