# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Customer Feedback",
    "summary": "Customer feedback, NPS/CSAT/CES, health score, churn, ISO 10002 complaints",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm", "survey", "portal", "product"],
    "data": [
        "security/crm_complaint_security.xml",
        "security/ir.model.access.csv",
        "data/crm_complaint_data.xml",
        "data/crm_complaint_mail_templates.xml",
        "data/crm_complaint_survey.xml",
        "views/crm_complaint_views.xml",
        "views/crm_complaint_portal_templates.xml",
        "report/crm_complaint_report_views.xml",
        "report/crm_complaint_report_templates.xml",
        "views/crm_complaint_menus.xml",
    ],
    "demo": [
        "demo/crm_complaint_demo.xml",
    ],
}
