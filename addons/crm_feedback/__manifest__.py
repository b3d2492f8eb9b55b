# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Customer Feedback",
    "summary": "Customer feedback, NPS/CSAT/CES, health score, churn, ISO 10002 complaints",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm", "survey"],
}
