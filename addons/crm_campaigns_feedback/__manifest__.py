# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Marketing Campaigns: Customer Feedback",
    "summary": "NPS and CSAT of a campaign's feedback in its results and comparison",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm_campaigns", "crm_feedback"],
    "images": ["static/description/banner.png"],
    "data": [
        "views/utm_campaign_views.xml",
        "report/crm_campaign_summary_templates.xml",
    ],
    "auto_install": True,
}
