# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Marketing Campaigns",
    "summary": "Marketing lists, campaign members, activities and costs, campaign results and ROI",
    "version": "18.0.1.0.0",
    "category": "Marketing",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm", "utm"],
}
