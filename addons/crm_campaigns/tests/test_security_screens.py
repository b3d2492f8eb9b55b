"""The screens of the list import's protections, in Chromium (issue #13: M6)."""

import base64
from pathlib import Path
from unittest.mock import patch

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from ..models.crm_marketing_list_import import CrmMarketingListImport

SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@tagged("post_install", "-at_install")
class TestListImportScreens(HttpCase):
    def _tour_with_screenshot(self, url, tour, login, png):
        """Run the tour and save what the browser shows at its end as docs/screenshots/png."""
        shots = []
        stop = ChromeBrowser.stop

        def stop_after_screenshot(browser):
            if browser.ws is not None and not shots:
                result = browser._websocket_request("Page.captureScreenshot")
                shots.append(base64.b64decode(result["data"]))
            return stop(browser)

        with patch.object(ChromeBrowser, "stop", stop_after_screenshot):
            self.start_tour(url, tour, login=login)
        self.assertTrue(shots, "no screenshot taken")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / png).write_bytes(shots[0])

    def test_failed_import_tells_why_in_persian(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        manager = new_test_user(self.env, "import_screen_manager", lang="fa_IR",
                                tz="Asia/Tehran", groups="sales_team.group_sale_manager")
        mlist = self.env["crm.marketing.list"].create({"name": "بازدیدکنندگان نمایشگاه"})
        Job = self.env["crm.marketing.list.import"].with_context(
            list_import_no_commit=True, lang="fa_IR")
        job = Job.with_user(manager).create({
            "list_id": mlist.id, "filename": "visitors.csv",
            "file": base64.b64encode("نام,ایمیل\nعلی,ali@example.com\n".encode())})
        job.sudo().write({"state": "running", "total_rows": 1})

        def corrupt(_job, _batch):
            raise RuntimeError("corrupt row")

        with patch.object(CrmMarketingListImport, "_import_batch", corrupt):
            for _attempt in range(CrmMarketingListImport._max_attempts):
                Job._cron_process_imports()
        self.assertEqual(job.state, "failed")
        self._tour_with_screenshot(
            f"/odoo/action-crm_campaigns.crm_marketing_list_import_action/{job.id}",
            "crm_campaigns_failed_import", manager.login, "list_import_failed.png")

    def test_settings_show_the_import_limits(self):
        self._tour_with_screenshot("/odoo/settings#crm", "crm_campaigns_import_limits_settings",
                                   "admin", "list_import_limits.png")
