# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Customer Feedback: Invoicing",
    "summary": "Customer credit notes as implicit feedback in the satisfaction score",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm_feedback", "account"],
    "images": ["static/description/banner.png"],
    "auto_install": True,
}
