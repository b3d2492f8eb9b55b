# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Journey 1 of issue 12 in Chromium: an anonymous visitor files a complaint in Persian on the
public form, on a phone and on a desktop (tour crm_feedback_complaint_form)."""
import base64
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
SIGNAL = "crm_feedback_screenshot:"


@tagged("post_install", "-at_install")
class TestComplaintFormTour(HttpCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The harder case: a site whose default language is English; Persian must be reached
        # by the URL (/fa/...) or by the browser's Accept-Language.
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.default"].set("res.partner", "lang", "en_US")
        cls.env["ir.module.module"]._load_module_terms(["crm_feedback"], ["fa_IR"], overwrite=True)
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("crm_feedback.complaint_form_max_per_window", 100)

    def _run_tour(self, size, touch, device):
        """Run the tour at `size`; the pages it asks for (the form with its errors, the
        received complaint) are saved as complaint_<page>_<device>.png in docs/screenshots
        (the whole page, not only the viewport)."""
        self.browser_size, self.touch_enabled = size, touch
        paths = [SCREENSHOTS / f"complaint_{page}_{device}.png" for page in ("form", "received")]
        for path in paths:
            path.unlink(missing_ok=True)
        saved = []
        handle_console, navigate_to = ChromeBrowser._handle_console, ChromeBrowser.navigate_to
        width, height = (int(n) for n in size.split("x"))

        def navigate(browser, url, wait_stop=False):
            # Chrome keeps a window at least 500 px wide: a phone's width is emulated.
            browser._websocket_request("Emulation.setDeviceMetricsOverride", params={
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": touch})
            return navigate_to(browser, url, wait_stop=wait_stop)

        def on_console(browser, type, args=None, **kw):  # pylint: disable=redefined-builtin
            value = str((args or [{}])[0].get("value", ""))
            if value.startswith(SIGNAL):
                page, page_height = value[len(SIGNAL):].split(":")
                path = SCREENSHOTS / f"complaint_{page}_{device}.png"

                def write(future, path=path):
                    data = future.result(timeout=0).get("data")
                    if data:
                        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                        path.write_bytes(base64.b64decode(data))
                        saved.append(path)

                # A page taller than the viewport is captured whole (this thread must not
                # wait for the answer: it is the one that receives it).
                page_height = int(page_height)
                browser._websocket_send("Page.captureScreenshot", params={
                    "format": "png", "captureBeyondViewport": page_height > height,
                    "clip": {"x": 0, "y": 0, "width": width,
                             "height": max(page_height, height), "scale": 1},
                }, with_future=True).add_done_callback(write)
            return handle_console(browser, type, args=args, **kw)

        with patch.object(ChromeBrowser, "_handle_console", on_console), \
                patch.object(ChromeBrowser, "navigate_to", navigate):
            self.start_tour("/fa/complaint/new", "crm_feedback_complaint_form", login=None)
        self.assertEqual(saved, paths, "the tour's screenshots were not saved")
        for path in paths:
            self.assertEqual(path.read_bytes()[:8], b"\x89PNG\r\n\x1a\n")

        complaint = self.env["crm.complaint"].search([("channel", "=", "web_form")],
                                                     order="id desc", limit=1)
        self.assertEqual(complaint.subject, "تأخیر در ارسال سفارش")
        self.assertEqual(complaint.remedy_requested, "لطفاً هزینهٔ ارسال را برگردانید")
        partner = complaint.partner_id
        self.assertEqual((partner.name, partner.email, partner.phone, partner.lang),
                         ("مریم احمدی", "maryam.ahmadi@example.ir", "09123456789", "fa_IR"))
        attachment = self.env["ir.attachment"].search([("res_model", "=", "crm.complaint"),
                                                       ("res_id", "=", complaint.id)])
        self.assertEqual((attachment.name, attachment.mimetype),
                         ("رسید.pdf", "application/pdf"))
        return complaint

    def test_phone(self):
        self._run_tour("390x844", True, "phone")

    def test_desktop(self):
        self._run_tour("1366x900", False, "desktop")

    def test_persian_is_reachable(self):
        """The page speaks Persian by its URL (/fa/...), and the form posts back to it; a
        browser asking for Persian first is sent there."""
        page = self.url_open("/fa/complaint/new")
        self.assertIn("شکایت خود را برای ما بفرستید", page.text)
        self.assertIn('action="/fa/complaint/submit"', page.text)
        self.assertIn('<html lang="fa-IR" dir="rtl">', page.text)
        self.opener.cookies.clear()
        page = self.url_open("/complaint/new",
                             headers={"Accept-Language": "fa-IR,fa;q=0.9,en;q=0.5"})
        self.assertTrue(page.url.endswith("/fa/complaint/new"), page.url)
        self.assertIn("شکایت خود را برای ما بفرستید", page.text)
        self.opener.cookies.clear()
        page = self.url_open("/complaint/new", headers={"Accept-Language": "en-US,en;q=0.9"})
        self.assertTrue(page.url.endswith("/complaint/new") and "/fa/" not in page.url)
        self.assertIn("Send Us a Complaint", page.text)
