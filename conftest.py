"""pytest's root configuration: import Odoo's test framework in test mode.

pytest-odoo imports odoo.tests before it enables Odoo's test mode, and Odoo logs an ERROR
when its test framework is imported outside of it. Enabling test mode globally instead
would make Odoo run every module's own tests while pytest-odoo loads the registry.
"""

from odoo.tools import config

config["test_enable"] = True
import odoo.tests  # noqa: E402, F401

config["test_enable"] = False
