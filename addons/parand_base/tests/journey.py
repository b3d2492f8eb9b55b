# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the journeys' tests share: a Persian reader of the Jalali calendar, his tour run in
a browser in Tehran's time zone with its screenshots, and a printed report read as he reads
it.

The Jalali calendar is Parand CRM's: without it a journey has no Jalali reader and is
skipped (crm_feedback and crm_campaigns do not depend on parand_crm).
"""

import re
import unittest

from lxml import html

from odoo.tests import new_test_user

from .browser import emulated_browser
from .screenshots import tour_screenshots

# A Gregorian date, month or week as Odoo writes them.
GREGORIAN = re.compile(r"\b20\d\d[-/]\d\d?[-/]\d\d?\b|\b20\d\d-\d\d\b|\bW\d{1,2} 20\d\d\b")


class JalaliJourneyCase:
    """Mixin of an HttpCase (put it first among the bases): Persian active, the test
    skipped when parand_crm is not installed."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if cls.env["ir.module.module"]._get("parand_crm").state != "installed":
            raise unittest.SkipTest("The Jalali reader of this journey needs parand_crm.")
        cls.env["res.lang"]._activate_lang("fa_IR")

    @classmethod
    def jalali_manager(cls, login, groups="sales_team.group_sale_manager"):
        """The sales manager of the journeys: Persian, in Tehran, Jalali calendar."""
        return new_test_user(cls.env, login, groups=groups, name="مریم رضایی", lang="fa_IR",
                             tz="Asia/Tehran", date_calendar="jalali")

    def start_journey(self, url, tour, login, timeout=180, **viewport):
        """The tour in a browser in Tehran's time zone (at `viewport`: width, height,
        mobile), its screenshot steps saved to docs/screenshots."""
        with tour_screenshots(), emulated_browser(**viewport):
            self.start_tour(url, tour, login=login, timeout=timeout)

    def report_text(self, user, report_ref, res_ids):
        """The text of a report's HTML as `user` reads it: Persian, Tehran, Jalali."""
        content, _kind = self.env["ir.actions.report"].with_user(user).with_context(
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali"
        )._render_qweb_html(report_ref, res_ids)
        return html.fromstring(content).text_content()

    def assertNoGregorian(self, text, where):
        self.assertFalse(GREGORIAN.findall(text), f"Gregorian dates in {where}")
