"""The README's commands stop at once, with one clear line, when a prerequisite is missing.

Each case runs `scripts/parandctl.py` in a subprocess, as a user would, and checks the exit
code, the message and that nothing was written to PostgreSQL.
"""

import os
import subprocess
import sys
import textwrap

import pytest

import parand_env as pe

CTL = str(pe.REPO / "scripts" / "parandctl.py")


def run_ctl(*args, env=None, python_prefix=None):
    environ = {k: v for k, v in os.environ.items() if k != "ODOO_SRC"}
    environ.update(env or {})
    if python_prefix:
        code = f"{python_prefix}\nimport runpy, sys\nsys.argv = {[CTL, *args]!r}\n" \
               "runpy.run_path(sys.argv[0], run_name='__main__')"
        cmd = [sys.executable, "-c", code]
    else:
        cmd = [sys.executable, CTL, *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=environ, timeout=120,
                          check=False)
    return proc.returncode, proc.stdout, proc.stderr


def error_line(stderr):
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got: {stderr}"
    return lines[0]


def test_missing_odoo_is_named(tmp_path):
    # `None` in sys.modules makes `import odoo` fail as if Odoo were not installed.
    rc, _out, err = run_ctl("test", python_prefix="import sys; sys.modules['odoo'] = None")
    assert rc == 2
    line = error_line(err)
    assert "Odoo is not importable" in line and "ODOO_SRC" in line


def test_odoo_src_that_is_not_odoo(tmp_path):
    rc, _out, err = run_ctl("run", env={"ODOO_SRC": str(tmp_path)})
    assert rc == 2
    assert f"ODOO_SRC={tmp_path} is not an Odoo source tree" in error_line(err)


def test_wrong_odoo_version(tmp_path):
    package = tmp_path / "odoo"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "release.py").write_text(textwrap.dedent("""
        version_info = (17, 0, 0, 'final', 0, '')
        version = '17.0'
    """))
    rc, _out, err = run_ctl("test", env={"ODOO_SRC": str(tmp_path)})
    assert rc == 2
    line = error_line(err)
    assert "found Odoo 17.0" in line and "need Odoo 18.0" in line


def test_unreachable_postgres(tmp_path):
    conf = tmp_path / "odoo.conf"
    conf.write_text(pe.CONF_TEMPLATE.read_text().replace("db_port = 5432", "db_port = 1"))
    rc, _out, err = run_ctl("run", env={"PARAND_CONF": str(conf)})
    assert rc == 2
    line = error_line(err)
    assert line.startswith("parand: error: PostgreSQL does not answer at 127.0.0.1:1")


@pytest.fixture
def foreign_db():
    """A database somebody else made: no parand comment."""
    from psycopg2 import sql

    name = "parand_t_not_ours"
    with pe.pg_cursor() as cr:
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cr.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with pe.pg_cursor() as cr:
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))


@pytest.mark.parametrize("command,variable", [("run", "PARAND_DEMO_DB"),
                                              ("test", "PARAND_TEST_DB"),
                                              ("test-odoo", "PARAND_TEST_DB")])
def test_database_that_is_not_ours_is_left_alone(foreign_db, command, variable):
    rc, _out, err = run_ctl(command, env={variable: foreign_db})
    assert rc == 2
    assert f"database {foreign_db!r} already exists and was not made by these scripts" in (
        error_line(err)
    )
    with pe.pg_cursor(foreign_db) as cr:
        cr.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert cr.fetchone() == (0,), "the foreign database was written to"
    assert pe.db_comment(foreign_db) == ""


def test_odoo_runner_verdict_reads_the_count_and_the_errors():
    """make test-odoo fails on an error line of the log and when no test ran."""
    import parandctl

    passed = ("2026-11-30 10:00:00,000 1 INFO db odoo.tests.result: 0 failed, 0 error(s) of "
              "812 tests when loading database 'db'\n")
    assert parandctl.odoo_test_results(passed) == (812, [])
    failed = ("2026-11-30 10:00:00,000 1 ERROR db odoo.addons.x.tests.test_y: FAIL: "
              "TestY.test_z\n" + passed.replace("0 failed", "1 failed"))
    count, errors = parandctl.odoo_test_results(failed)
    assert count == 812 and len(errors) == 1
    assert parandctl.odoo_test_results("Modules loaded.\n") == (0, [])


def test_template_is_reused_while_nothing_changed(odoo_root, template_db):
    # The fixture made (or found) it: a second call must not rebuild it.
    assert pe.ensure_template_db(odoo_root, template_db, pe.LOCAL / "logs") is False


def test_addon_fingerprint_follows_the_files(tmp_path, monkeypatch):
    monkeypatch.setattr(pe, "REPO", tmp_path)
    addon = tmp_path / "addons" / "some_addon"
    addon.mkdir(parents=True)
    (addon / "__manifest__.py").write_text("{'name': 'x'}")
    first = pe.tree_fingerprint(tmp_path / "addons")
    assert pe.tree_fingerprint(tmp_path / "addons") == first
    (addon / "__manifest__.py").write_text("{'name': 'y'}")
    assert pe.tree_fingerprint(tmp_path / "addons") != first


def test_local_conf_fills_machine_paths(odoo_root):
    conf = pe.read_conf(pe.write_local_conf(odoo_root))["options"]
    paths = conf["addons_path"].split(",")
    assert paths[0] == str(pe.ADDONS_DIR)
    assert all(os.path.isabs(path) and os.path.isdir(path) for path in paths)
    assert conf["data_dir"].startswith(str(pe.REPO / ".local"))
    assert conf["without_demo"] == "all" and conf["load_language"] == "fa_IR"
