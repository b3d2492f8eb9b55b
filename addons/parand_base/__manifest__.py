# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Parand: Persian text",
    "summary": "Persian letters and digits as Persian writers expect them, for the Parand addons",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["web"],
    "images": ["static/description/banner.png"],
    "assets": {
        "web.report_assets_common": [
            "parand_base/static/src/report/report_fonts.scss",
        ],
        "web.assets_tests": [
            "parand_base/static/tests/tours/*.js",
        ],
    },
}
