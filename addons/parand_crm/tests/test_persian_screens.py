"""A Persian Jalali salesperson's CRM screens in Chromium, at desktop and phone widths.

The tours (static/tests/tours/persian_screens_tour.js) check what the person reads; the
screenshots they ask for are saved into docs/screenshots/.
"""

import base64
import datetime
import re
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
MARK = "parand-screenshot:"
PIPELINE_URL = "/odoo/action-crm.crm_lead_action_pipeline"


def _console_with_screenshots(original):
    """ChromeBrowser's console handler, plus: "parand-screenshot:<name>" saves the page."""

    def handle_console(browser, type, args=None, stackTrace=None, **kw):
        if type == "log" and args:
            text = str(browser._from_remoteobject(args[0]))
            if text.startswith(MARK):
                name = text[len(MARK):]

                def save(future):
                    data = (future.result(timeout=0) or {}).get("data")
                    if data:
                        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                        (SCREENSHOTS / f"{name}.png").write_bytes(base64.b64decode(data))

                browser._websocket_send("Page.captureScreenshot", with_future=True) \
                    .add_done_callback(save)
        return original(browser, type, args, stackTrace, **kw)

    return handle_console


class PersianScreensCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("fa_IR"):
            cls.skipTest(cls, "Persian is not loaded in this database")
        cls.user = new_test_user(
            cls.env, "parand_persian", groups="sales_team.group_sale_manager,base.group_user",
            lang="fa_IR", tz="Asia/Tehran", date_calendar="jalali", name="رضا فروشنده")
        team = cls.env["crm.team"].search([], limit=1)
        team.member_ids = [(4, cls.user.id)]
        cls.lead = cls.env["crm.lead"].create({
            "name": "فرصت فارسی", "type": "opportunity", "user_id": cls.user.id,
            "team_id": team.id, "phone": "+98 912 111 2233",
            "email_from": "maryam.ahmadi@example.ir", "expected_revenue": 120_000_000,
            "partner_name": "پخش سپاهان"})
        cls.lead.activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.user.id, summary="پیگیری تلفنی",
            date_deadline=datetime.date.today() - datetime.timedelta(days=2))

    # A phone's screen: Chrome's window is at least 500 px wide, its page can be narrower.
    viewport = None

    def _compile_assets(self):
        """The right-to-left stylesheets are compiled on their first request: before the
        tour, whose steps wait for seconds, not for a compilation."""
        self.authenticate("parand_persian", "parand_persian")
        page = self.url_open("/odoo", timeout=300).text
        for url in re.findall(r'(?:href|src)="(/web/assets/[^"]+)"', page):
            self.url_open(url, timeout=300)

    def _tour(self, name, url=PIPELINE_URL):
        self._compile_assets()
        navigate_to = ChromeBrowser.navigate_to
        viewport = self.viewport

        def navigate_on_device(browser, url, wait_stop=False):
            if viewport:
                browser._websocket_request("Emulation.setDeviceMetricsOverride", params=dict(
                    viewport, deviceScaleFactor=1, mobile=True))
            return navigate_to(browser, url, wait_stop=wait_stop)

        with patch.object(ChromeBrowser, "_handle_console",
                          _console_with_screenshots(ChromeBrowser._handle_console)), \
                patch.object(ChromeBrowser, "navigate_to", navigate_on_device):
            self.start_tour(url, name, login="parand_persian", timeout=300)


@tagged("post_install", "-at_install")
class TestPersianScreensDesktop(PersianScreensCase):
    def test_persian_salesperson_screens(self):
        self._tour("parand_crm_persian_screens")
        self.assertTrue((SCREENSHOTS / "lead_form_rtl.png").is_file())

    def test_persian_complaints(self):
        """crm_feedback's screens read the same way (when it is installed)."""
        if "crm.complaint" not in self.env:
            self.skipTest("crm_feedback is not installed")
        partner = self.env["res.partner"].create({
            "name": "مریم احمدی", "phone": "+98 912 111 2233",
            "email": "maryam.ahmadi@example.ir", "lang": "fa_IR"})
        complaint = self.env["crm.complaint"].create({
            "partner_id": partner.id, "subject": "شکایت آزمایشی",
            "description": "دو هفته تأخیر", "user_id": self.user.id})
        # three days late: the deadline is computed from the working calendar, set it here
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_complaint SET date_deadline_response = %s WHERE id = %s",
            [datetime.datetime.now() - datetime.timedelta(days=3), complaint.id])
        complaint.invalidate_recordset()
        action = self.env.ref("crm_feedback.crm_complaint_action")
        self._tour("parand_crm_persian_complaints",
                   url=f"/odoo/action-{action.id}?view_type=kanban")


@tagged("post_install", "-at_install")
class TestPersianScreensPhone(PersianScreensCase):
    browser_size = "390x844"
    touch_enabled = True
    viewport = {"width": 390, "height": 844}

    def test_persian_salesperson_screens_on_a_phone(self):
        self._tour("parand_crm_persian_screens_phone")
        self.assertTrue((SCREENSHOTS / "lead_form_rtl_390px.png").is_file())


@tagged("post_install", "-at_install")
class TestPersianPortal(HttpCase):
    def test_portal_home_reads_in_persian(self):
        if not self.env["res.lang"]._lang_get("fa_IR"):
            self.skipTest("Persian is not loaded in this database")
        new_test_user(self.env, "parand_portal", groups="base.group_portal", lang="fa_IR")
        self.authenticate("parand_portal", "parand_portal")
        page = self.url_open("/my").text
        self.assertIn("o_rtl", page)
        self.assertIn("حساب من", page)
        self.assertNotIn("My account", page)
        if self.env["ir.module.module"].search_count(
                [("name", "=", "account"), ("state", "=", "installed")]):
            self.assertIn("صورتحساب‌های شما", page)
            self.assertNotIn("Your Invoices", page)

    def test_portal_reads_phone_numbers_left_to_right(self):
        """The portal's right-to-left stylesheet keeps the phone and email rules left to
        right: rtlcss, which mirrors the stylesheets for Persian, must not flip them."""
        if not self.env["res.lang"]._lang_get("fa_IR"):
            self.skipTest("Persian is not loaded in this database")
        new_test_user(self.env, "parand_portal_css", groups="base.group_portal", lang="fa_IR")
        self.authenticate("parand_portal_css", "parand_portal_css")
        page = self.url_open("/my", timeout=300).text
        css = "".join(self.url_open(url, timeout=300).text for url in re.findall(
            r'href="(/web/assets/[^"]*frontend[^"]*\.css)"', page))
        self.assertIn("rtl", " ".join(re.findall(r'href="(/web/assets/[^"]+)"', page)))
        rule = re.search(r'a\[href\^="?tel:"?\][^{]*\{([^}]*)\}', css)
        self.assertTrue(rule, "the phone rule is in the portal's stylesheet")
        self.assertIn("direction:ltr", rule.group(1).replace(" ", ""))
