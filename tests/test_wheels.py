"""The addons as admins get them from PyPI: odoo-addon-* wheels installed with pip.

The wheels are built with OCA's whool (as `make wheels` does), installed into a fresh
virtual environment that sees this machine's Odoo (--system-site-packages), and a copy of
the template database gets the three addons from that environment, without this
repository's addons/ on the addons path.
"""

import configparser
import subprocess
import sys
import time
import zipfile
from email.parser import HeaderParser

import pytest

import parand_env as pe
import parand_packaging as pp

# What each wheel must require: the manifest's external_dependencies and the Odoo modules
# of its depends outside Odoo itself (whool maps Odoo's own modules to `odoo`).
EXPECTED_REQUIRES = {
    "parand_base": {"odoo"},
    "parand_crm": {"odoo", "odoo-addon-parand_base", "jdatetime", "phonenumbers", "holidays"},
    "crm_feedback": {"odoo", "odoo-addon-parand_base"},
    "crm_campaigns": {"odoo", "odoo-addon-marketing_campaign_dates", "odoo-addon-parand_base"},
}


def wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return HeaderParser().parsestr(archive.read(name).decode())


def requirement_name(requirement):
    for stop in "=<>!~;[ ":
        requirement = requirement.split(stop, 1)[0]
    return requirement


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    started = time.monotonic()
    built = pp.build_wheels(tmp_path_factory.mktemp("dist"))
    print(f"built {len(built)} wheels in {time.monotonic() - started:.1f}s")
    return built


def test_wheels_metadata(wheels):
    by_name = {}
    for wheel in wheels:
        meta = wheel_metadata(wheel)
        by_name[meta["Name"].removeprefix("odoo-addon-").replace("-", "_")] = meta
    assert set(by_name) == {d.name for d in pp.addon_dirs()}
    for addon, meta in by_name.items():
        assert meta["Version"] == pp.manifest(pe.ADDONS_DIR / addon)["version"], addon
        requires = {requirement_name(r) for r in meta.get_all("Requires-Dist") or []}
        if addon in EXPECTED_REQUIRES:
            assert requires == EXPECTED_REQUIRES[addon], addon
        with zipfile.ZipFile(
            next(w for w in wheels if w.name.startswith(f"odoo_addon_{addon}-"))
        ) as archive:
            names = set(archive.namelist())
        for needed in ("__manifest__.py", "static/description/icon.png",
                       "static/description/index.html", f"i18n/{pp.LANG}.po"):
            assert f"odoo/addons/{addon}/{needed}" in names, f"{addon}: {needed} not in wheel"


def test_wheels_install_and_init_database(wheels, odoo_root, scratch_db, tmp_path):
    started = time.monotonic()
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip",
                    str(venv)], check=True)
    python = str(venv / "bin" / "python")
    # No index: every requirement (Odoo, jdatetime, OCA's marketing_campaign_dates...) must
    # be satisfied by this machine's packages; pip fetching Odoo would fail here.
    proc = pp.pip("install", "--no-index", "--find-links", str(wheels[0].parent),
                  *(str(w) for w in wheels), python=python, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    installed_in = time.monotonic() - started
    site_addons = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip() + "/odoo/addons"

    # Odoo's addons path: only Odoo's own addons folder; ours come from the venv.
    conf = configparser.ConfigParser(interpolation=None)
    conf.read(pe.LOCAL_CONF, encoding="utf-8")
    conf["options"]["addons_path"] = str(odoo_root / "addons")
    conf_file = tmp_path / "odoo.conf"
    with open(conf_file, "w", encoding="utf-8") as handle:
        conf.write(handle)
    addons = [d.name for d in pp.addon_dirs() if d.name in pe.ADDONS]
    cmd = [python, "-m", "odoo", "-c", str(conf_file), "-d", scratch_db.name,
           "-i", ",".join(addons), "--without-demo=all", "--stop-after-init",
           "--log-level=warn"]
    proc = subprocess.run(cmd, cwd=tmp_path, env=pe.odoo_env(odoo_root),
                          capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0 and " ERROR " not in output, output[-4000:]
    assert scratch_db.module_states(*addons) == dict.fromkeys(addons, "installed")

    # Where Odoo found them: the venv's odoo/addons, never this repository.
    code = (
        "import odoo.modules.module as m\n"
        f"for name in {addons!r}:\n"
        "    print('PATH', name, m.get_module_path(name))\n"
    )
    proc = subprocess.run(
        [python, "-m", "odoo", "shell", "-c", str(conf_file), "-d", scratch_db.name,
         "--no-http", "--log-level=warn"],
        input=code, cwd=tmp_path, env=pe.odoo_env(odoo_root),
        capture_output=True, text=True, check=False,
    )
    paths = dict(line.split()[1:3] for line in proc.stdout.splitlines()
                 if line.startswith("PATH "))
    assert paths == {name: f"{site_addons}/{name}" for name in addons}, proc.stdout + proc.stderr
    print(f"wheels installed in {installed_in:.1f}s, database initialized in "
          f"{time.monotonic() - started - installed_in:.1f}s")
