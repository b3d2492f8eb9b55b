"""Fixtures for the tests that cross addons: scratch databases copied from the template.

The template (parand_test_base) holds the Odoo modules our addons depend on, installed
without demo data; `make test` makes it once and reuses it while Odoo and the
dependencies stay the same. Each scratch database is a copy, dropped after its test.
"""

import hashlib
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import parand_env as pe


class ScratchDb:
    """A copy of the template database and the Odoo commands to work on it."""

    def __init__(self, odoo_root, name):
        self.odoo_root = odoo_root
        self.name = name

    def odoo(self, *args):
        return pe.run_odoo(self.odoo_root, "-d", self.name, "--stop-after-init",
                           "--log-level=warn", *args)

    def install(self, *modules, demo=False):
        return self.odoo("-i", ",".join(modules), "--without-demo=" + ("" if demo else "all"))

    def upgrade(self, *modules):
        return self.odoo("-u", ",".join(modules))

    def shell(self, code):
        return pe.run_odoo_shell(self.odoo_root, self.name, code)

    def uninstall(self, *modules):
        self.shell(
            f"env['ir.module.module'].search([('name', 'in', {list(modules)!r})])"
            ".button_immediate_uninstall()"
        )

    def query(self, sql, params=None):
        with pe.pg_cursor(self.name) as cr:
            cr.execute(sql, params)
            return cr.fetchall()

    def module_states(self, *modules):
        return dict(self.query(
            "SELECT name, state FROM ir_module_module WHERE name = ANY(%s)", (list(modules),)
        ))


@pytest.fixture(scope="session")
def odoo_root():
    root = pe.locate_odoo()
    pe.write_local_conf(root)
    return root


@pytest.fixture(scope="session")
def template_db(odoo_root):
    name = os.environ.get("PARAND_TEMPLATE_DB", "parand_test_base")
    pe.ensure_template_db(odoo_root, name, pe.LOCAL / "logs")
    return name


@pytest.fixture
def scratch_db(odoo_root, template_db, request):
    """A fresh copy of the template named after the test; dropped afterwards."""
    # Readable, and unique per test and per checkout: parametrized names share their start,
    # and two checkouts may run the same test at once.
    readable = "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:30]
    unique = hashlib.sha1(f"{pe.REPO}:{request.node.nodeid}".encode()).hexdigest()[:8]
    name = f"parand_t_{readable}_{unique}"
    pe.clone_db(template_db, name, f"{pe.MARK}scratch")
    yield ScratchDb(odoo_root, name)
    pe.drop_db(name)
