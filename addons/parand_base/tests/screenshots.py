"""Screenshots for docs/screenshots (README shows them), taken by the browser tests, so that
they follow the product.

Two ways: a tour step logs ``parand:screenshot:<name>`` (see static/tests/tours/screenshot.js)
and the browser captures the page at that step, marking the body with the class
``parand-shot-<name>``, which the next step waits for; or `start_tour_with_screenshot`
captures the page a tour ends on. The pictures go to the repository's docs/screenshots when
the addon runs from this repository, and nowhere otherwise.
"""

import base64
import contextlib
from pathlib import Path
from unittest.mock import patch

from odoo.tests.common import ChromeBrowser

PREFIX = "parand:screenshot:"
SCREENSHOTS = Path(__file__).resolve().parents[3] / "docs" / "screenshots"


@contextlib.contextmanager
def tour_screenshots():
    """Within the block, the tours' screenshot steps write PNGs to docs/screenshots."""
    handle_console = ChromeBrowser._handle_console

    def handle(browser, type, args=None, **kw):  # pylint: disable=redefined-builtin
        first = browser._from_remoteobject(args[0]) if args else None
        if type == "log" and isinstance(first, str) and first.startswith(PREFIX):
            name = first[len(PREFIX):]

            def save(future):
                data = future.result().get("data")
                if data and SCREENSHOTS.is_dir():
                    (SCREENSHOTS / f"{name}.png").write_bytes(base64.b64decode(data))
                browser._websocket_send("Runtime.evaluate", params={
                    "expression": f"document.body.classList.add('parand-shot-{name}')"})

            browser._websocket_send("Page.captureScreenshot", with_future=True) \
                .add_done_callback(save)
            return None
        return handle_console(browser, type, args=args, **kw)

    with patch.object(ChromeBrowser, "_handle_console", handle):
        yield


def start_tour_with_screenshot(case, url, tour, name, **kwargs):
    """Run the tour as HttpCase.start_tour does; once it has passed, the page it ends on
    is saved as docs/screenshots/<name>.png. Returns the path."""
    path = SCREENSHOTS / f"{name}.png"
    stop = ChromeBrowser.stop
    passed = []

    def stop_after_screenshot(browser):
        if passed and getattr(browser, "ws", None) is not None and SCREENSHOTS.is_dir():
            shot = browser._websocket_request("Page.captureScreenshot", timeout=30)
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
