"""The browser of the journeys' tours as the people of the journeys have it: in Tehran's
time zone (the web client shows times in the browser's zone) and, for a phone, at its width
(Chrome keeps its window at least 500 px wide, so a phone's width is emulated)."""

import contextlib
from unittest.mock import patch

from odoo.tests.common import ChromeBrowser


@contextlib.contextmanager
def emulated_browser(time_zone="Asia/Tehran", width=None, height=None, mobile=False):
    """Within the block, every page the test browser opens is in `time_zone`, and at
    `width` x `height` when given."""
    navigate_to = ChromeBrowser.navigate_to

    def navigate(browser, url, wait_stop=False):
        browser._websocket_request("Emulation.setTimezoneOverride",
                                   params={"timezoneId": time_zone})
        if width:
            browser._websocket_request("Emulation.setDeviceMetricsOverride", params={
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        return navigate_to(browser, url, wait_stop=wait_stop)

    with patch.object(ChromeBrowser, "navigate_to", navigate):
        yield
