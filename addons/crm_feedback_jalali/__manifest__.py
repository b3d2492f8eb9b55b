# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "CRM Customer Feedback: Jalali",
    "summary": "Complaint references numbered by the Jalali year (CMP/1405/00003)",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Parand CRM",
    "website": "https://github.com/parand-crm/parand",
    "license": "LGPL-3",
    "depends": ["crm_feedback", "parand_crm"],
    "assets": {
        "web.assets_tests": [
            "crm_feedback_jalali/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "uninstall_hook": "uninstall_hook",
    "auto_install": True,
}
