"""Lint: ruff over all Python of the repository, pylint-odoo (OCA's checks) over the addons."""

import subprocess
import sys

import pytest

import parand_env as pe


def run(*cmd):
    proc = subprocess.run(cmd, cwd=pe.REPO, capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def test_ruff():
    rc, output = run(sys.executable, "-m", "ruff", "check", "--no-cache", ".")
    assert rc == 0, output


@pytest.mark.parametrize("addon", pe.ADDONS)
def test_pylint_odoo(addon):
    # Our readme/ fragments are the source of README.rst, which OCA's tooling builds on release.
    rc, output = run(sys.executable, "-m", "pylint", "--rcfile=.pylintrc",
                     "--disable=missing-readme", f"addons/{addon}")
    assert rc == 0, output
