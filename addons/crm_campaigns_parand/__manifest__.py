# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Marketing Campaigns: Parand CRM",
    "summary": "National codes read, checked and kept by marketing list imports",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm_campaigns", "parand_crm"],
    "images": ["static/description/banner.png"],
    "auto_install": True,
}
