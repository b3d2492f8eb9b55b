"""Screenshots of the screens the tours end on, saved into the repository's
docs/screenshots/ (README shows them), so that they follow the product."""

import base64
import pathlib
from unittest.mock import patch

from odoo.tests.common import ChromeBrowser

SCREENSHOTS = pathlib.Path(__file__).resolve().parents[3] / "docs" / "screenshots"


def start_tour_with_screenshot(case, url, tour, name, **kwargs):
    """Run the tour as HttpCase.start_tour does; once it has passed, the page it ends on
    is saved as docs/screenshots/<name>.png. Returns the path."""
    path = SCREENSHOTS / f"{name}.png"
    stop = ChromeBrowser.stop
    passed = []

    def stop_after_screenshot(browser):
        if passed and getattr(browser, "ws", None) is not None:
            shot = browser._websocket_request("Page.captureScreenshot", timeout=30)
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(shot["data"]))
        return stop(browser)

    def wait_code_ok(browser, *args, **kw):
        result = original_wait(browser, *args, **kw)
        passed.append(True)
        return result

    original_wait = ChromeBrowser._wait_code_ok
    with patch.object(ChromeBrowser, "stop", stop_after_screenshot), \
            patch.object(ChromeBrowser, "_wait_code_ok", wait_code_ok):
        case.start_tour(url, tour, **kwargs)
    return path
