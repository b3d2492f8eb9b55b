# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Marketing Campaigns: Email Marketing",
    "summary": "Mailings of a campaign count as contacts of its members and as touches",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm_campaigns", "mass_mailing"],
    "images": ["static/description/banner.png"],
    "data": [
        "data/crm_campaigns_mass_mailing_data.xml",
        "views/utm_campaign_views.xml",
        "views/crm_campaign_touch_views.xml",
    ],
    "auto_install": True,
}
