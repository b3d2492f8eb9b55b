# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Customer Feedback: Sales",
    "summary": "Confirmed sale orders as the purchases behind RFM segments and churn risk",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    # sale_crm (installed by itself with sale and crm) links an order to its opportunity,
    # so that a won opportunity and its order count as one purchase.
    "depends": ["crm_feedback", "sale_crm"],
    "images": ["static/description/banner.png"],
    "auto_install": True,
}
