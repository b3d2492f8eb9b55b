"""The Apps menu as an administrator sees it: our addons with their icons and description.

Runs in `make test`'s pytest (pytest-odoo, on the test database where the addons are
installed) and saves docs/screenshots/apps_menu.png and apps_description.png; the
feedback screens shown on crm_feedback's description page are taken here too
(feedback_dashboard.png, complaint_form.png) and copied into the addon by
scripts/gen_addon_description.py.
"""

import base64
import datetime
from pathlib import Path
from unittest.mock import patch

import parand_env as pe
from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

SCREENSHOTS = pe.REPO / "docs" / "screenshots"
MARK = "parand-screenshot:"
# Wait for the selector and for every image of the page, then save the page's picture.
SHOOT = """
(async () => {
    const until = async (test, what) => {
        for (let i = 0; i < 200; i++) {
            if (test()) { return; }
            await new Promise((r) => setTimeout(r, 100));
        }
        console.error(`timeout waiting for ${what}`);
    };
    await until(() => document.querySelectorAll(%(selector)s).length >= %(count)s, %(selector)s);
    await until(() => [...document.images].every((img) => img.complete), "the images");
    await new Promise((r) => setTimeout(r, 500));
    console.log(%(mark)s);
    await new Promise((r) => setTimeout(r, 1500));
    console.log("test successful");
})();
"""


def _console_with_screenshots(original, saved):
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
                        path = SCREENSHOTS / f"{name}.png"
                        path.write_bytes(base64.b64decode(data))
                        saved.append(path)

                browser._websocket_send("Page.captureScreenshot", with_future=True) \
                    .add_done_callback(save)
        return original(browser, type, args, stackTrace, **kw)

    return handle_console


@tagged("post_install", "-at_install")
class TestAppsMenu(HttpCase):
    browser_size = "1366x900"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ours = sorted(p.parent.name for p in pe.ADDONS_DIR.glob("*/__manifest__.py"))
        cls.modules = cls.env["ir.module.module"].search([("name", "in", cls.ours)])
        # The Apps menu's own action, on our addons only.
        cls.action = cls.env.ref("base.open_module_tree").copy({
            "name": "Apps", "path": False, "domain": [("name", "in", cls.ours)],
            "context": "{}"})

    def shoot(self, url, name, selector, count=1):
        saved = []
        code = SHOOT % {"selector": repr(selector), "count": count, "mark": repr(MARK + name)}
        with patch.object(ChromeBrowser, "_handle_console",
                          _console_with_screenshots(ChromeBrowser._handle_console, saved)):
            self.browser_js(url, code, login="admin", timeout=120)
        path = SCREENSHOTS / f"{name}.png"
        self.assertEqual(saved, [path], f"no screenshot {name}.png")
        return path

    def test_apps_menu_shows_our_icons(self):
        installed = self.modules.filtered(lambda m: m.state == "installed")
        self.assertTrue(installed, "none of our addons is installed in this database")
        for module in self.modules:
            icon = Path(pe.ADDONS_DIR / module.name / "static/description/icon.png")
            self.assertEqual(module.icon, f"/{module.name}/static/description/icon.png")
            self.assertTrue(icon.is_file())
            # The description page Odoo renders from static/description/index.html.
            self.assertIn("oe_container", module.description_html or "", module.name)
        # Odoo serves the icons (the Apps menu would show its placeholder otherwise).
        for module in installed:
            response = self.url_open(module.icon)
            self.assertEqual(response.status_code, 200, module.icon)
            self.assertEqual(response.content, (
                pe.ADDONS_DIR / module.name / "static/description/icon.png").read_bytes())

        self.shoot(f"/odoo/action-{self.action.id}", "apps_menu",
                   ".o_kanban_record:not(.o_kanban_ghost) img",
                   count=len(self.modules))
        parand = self.modules.filtered(lambda m: m.name == "parand_crm")
        if parand:
            self.shoot(f"/odoo/action-{self.action.id}/{parand.id}", "apps_description",
                       ".o_form_view [name='description_html'] img")

    def test_apps_menu_in_persian(self):
        """A Persian administrator reads our addons' names and summaries in Persian (from
        each addon's i18n_extra/fa.po: Odoo exports a module's own record with base)."""
        installed = self.modules.filtered(lambda m: m.state == "installed")
        self.assertTrue(installed, "none of our addons is installed in this database")
        self.env["res.lang"]._activate_lang("fa_IR")
        english = {module.name: (module.shortdesc, module.summary) for module in installed}
        for module in installed.with_context(lang="fa_IR"):
            for field in ("shortdesc", "summary"):
                with self.subTest(module=module.name, field=field):
                    self.assertRegex(module[field], "[\u0600-\u06ff]")
                    self.assertNotIn(module[field], english[module.name])

    def test_feedback_screens(self):
        if "crm.complaint" not in self.env:
            self.skipTest("crm_feedback is not installed in this database")
        partner = self.env["res.partner"].create({
            "name": "پخش سپاهان", "is_company": True, "email": "info@sepahan.example"})
        now = datetime.datetime.now()
        self.env["crm.feedback"].create([
            {"partner_id": partner.id, "score_type": "nps", "value": value, "channel": "email",
             "date": now - datetime.timedelta(days=3 * i)}
            for i, value in enumerate((10, 9, 9, 8, 6, 10, 3, 9))
        ] + [
            {"partner_id": partner.id, "score_type": "csat", "value": value, "channel": "website",
             "date": now - datetime.timedelta(days=4 * i)}
            for i, value in enumerate((5, 4, 4, 2, 5))
        ])
        complaint = self.env["crm.complaint"].create({
            "subject": "تأخیر در تحویل سفارش اسفند", "partner_id": partner.id,
            "description": "سفارشی که قرار بود ۲۰ اسفند برسد ۴ فروردین رسید.",
            "severity": "high",
        })
        dashboard = self.env.ref("crm_feedback.crm_feedback_dashboard_action")
        self.shoot(f"/odoo/action-{dashboard.id}", "feedback_dashboard",
                   ".o_feedback_dashboard .o_feedback_card")
        self.shoot(f"/odoo/crm.complaint/{complaint.id}", "complaint_form",
                   ".o_form_view .o_field_widget[name='subject']")
