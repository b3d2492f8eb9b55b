#!/usr/bin/env python3
"""The README's commands: run the product on a demo database, run all tests, benchmark.

    python3 scripts/parandctl.py run      # make run
    python3 scripts/parandctl.py test     # make test   (extra arguments go to pytest)
    python3 scripts/parandctl.py test-odoo  # make test-odoo (Odoo's own test runner)
    python3 scripts/parandctl.py bench    # make bench

Odoo 18.0 must be importable (or ODOO_SRC must point at its source tree) and PostgreSQL
must answer as odoo.conf says; otherwise each command stops at once, before it writes
anything, with one line saying what is missing.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import parand_env as pe

DEMO_DB = os.environ.get("PARAND_DEMO_DB", "parand_demo")
TEST_DB = os.environ.get("PARAND_TEST_DB", "parand_test")
TEMPLATE_DB = os.environ.get("PARAND_TEMPLATE_DB", "parand_test_base")
# While working on one addon, PARAND_TEST_ADDONS=crm_feedback installs only that one.
TEST_ADDONS = os.environ.get("PARAND_TEST_ADDONS") or ",".join(pe.ADDONS)
LOGS = pe.LOCAL / "logs"


def say(message):
    print(f"parand: {message}", flush=True)


def prerequisites():
    """Odoo 18.0 and PostgreSQL, then the generated config; return Odoo's root."""
    odoo_root = pe.locate_odoo()
    pe.check_postgres()
    pe.write_local_conf(odoo_root)
    return odoo_root


def install_requirements(files):
    """pip-install what the requirement files list and this Python does not have yet."""
    reqs = []
    for name in files:
        for raw in (pe.REPO / name).read_text("utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line:
                reqs.append(line)
    missing = [req for req in reqs if not _satisfied(req)]
    if missing:
        say(f"installing from PyPI: {' '.join(missing)}")
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *missing],
            check=True,
        )


def ensure_rtlcss():
    """Odoo lays Persian pages out right to left with the rtlcss command (an npm package):
    without it Persian users get left-to-right pages. Installed from npm when npm is here."""
    if shutil.which("rtlcss"):
        return
    if not shutil.which("npm"):
        say("warning: rtlcss is missing and npm is not installed: Persian pages will be laid "
            "out left to right until you install rtlcss (npm install -g rtlcss)")
        return
    say("installing rtlcss from npm (Odoo needs it for right-to-left Persian pages)")
    subprocess.run(["npm", "install", "-g", "--silent", "rtlcss"], check=True)


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def ensure_browser():
    """Odoo's browser tests (JS unit tests, tours) need Chromium; without it they are skipped.

    Installed from Debian's packages when this is a Debian machine and we are root.
    """
    if any(shutil.which(name) for name in BROWSERS):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        say("installing Debian's chromium for the browser tests")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        return
    say("warning: no Chromium found: the browser tests (JS unit tests, tours) will be skipped; "
        "install chromium to run them")


# The command each Debian package brings: Odoo prints reports with wkhtmltopdf (without
# it the Print menu gives HTML pages), the PDF tests read the reports back with Poppler.
PDF_TOOLS = {"wkhtmltopdf": "wkhtmltopdf", "pdftotext": "poppler-utils",
             "pdftoppm": "poppler-utils"}


def ensure_pdf_tools():
    """wkhtmltopdf for printed reports and Poppler's tools for the PDF tests, installed
    from Debian's packages when this is a Debian machine and we are root; otherwise one
    line says what is missing and what it costs, and the command goes on."""
    packages = sorted({package for command, package in PDF_TOOLS.items()
                       if not shutil.which(command)})
    if not packages:
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        say(f"installing Debian's {' and '.join(packages)} for printed reports (PDF)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if (subprocess.run(["apt-get", "update", "-qq"], check=False).returncode == 0
                and subprocess.run(["apt-get", "install", "-y", "-qq", *packages],
                                   check=False, env=env).returncode == 0):
            return
    costs = []
    if "wkhtmltopdf" in packages:
        costs.append("Print gives HTML instead of PDF")
    costs.append("the PDF tests are skipped")
    say(f"warning: {' and '.join(packages)} not installed: {' and '.join(costs)}; "
        f"install them (apt-get install {' '.join(packages)})")


def _satisfied(requirement):
    from importlib import metadata

    try:
        from packaging.requirements import Requirement
    except ImportError:  # packaging comes with pip's setuptools nearly always
        return False
    req = Requirement(requirement)
    try:
        return req.specifier.contains(metadata.version(req.name), prereleases=True)
    except metadata.PackageNotFoundError:
        return False


# ------------------------------------------------------------------------------- run
def prepare_demo_db(odoo_root, db=DEMO_DB):
    """Create the demo database, or upgrade it when the addons changed since last time."""
    comment = pe.ensure_ours(db)
    fingerprint = pe.tree_fingerprint(pe.ADDONS_DIR)
    want = f"{pe.MARK}demo:{fingerprint}"
    modules = ",".join(pe.ADDONS)
    log = LOGS / f"{db}.log"
    if comment == want:
        say(f"database {db} is up to date")
        return
    if comment is None or comment == f"{pe.MARK}incomplete":
        pe.drop_db(db)
        say(f"creating database {db} with Persian and demo data (a few minutes; log: {log})")
        pe.create_empty_db(db, f"{pe.MARK}incomplete")
        # With invoicing and mass mailing, as most organizations run them: the addons then
        # show credit notes as feedback and mailings as campaign contacts.
        install = ",".join((modules, *pe.INTEGRATION_MODULES))
        pe.run_odoo(odoo_root, "-d", db, "-i", install, "--without-demo=all",
                    "--stop-after-init", log=log)
        # The company becomes Iranian before any demo data exists: a company's currency
        # cannot change once journal items exist.
        pe.run_odoo_shell(odoo_root, db, IRANIAN_COMPANY + LOAD_DEMO + PERSIAN_ADMIN)
    else:
        say(f"upgrading {modules} in database {db} (log: {log})")
        pe.run_odoo(odoo_root, "-d", db, "-u", modules, "--stop-after-init", log=log)
    pe.set_db_comment(db, want)


# An Iranian company, before any demo data is loaded: Persian name and logo (a wordmark
# made for the demo, parand_crm/demo/parand_logo.png), Tehran address and time zone, the
# Iranian rial without decimals (Iranian books keep whole rials).
IRANIAN_COMPANY = """
import base64
from odoo.tools import file_open
lang = env['res.lang']._activate_lang('fa_IR')
rial = env.ref('base.IRR')
rial.write({'active': True, 'rounding': 1.0, 'currency_unit_label': 'Rial',
            'currency_subunit_label': 'Dinar'})
company = env.ref('base.main_company')
company.write({'name': 'شرکت بازرگانی پرند', 'currency_id': rial.id,
               'email': 'info@parand.example', 'phone': '+98 21 8800 1234',
               'website': 'https://parand.example',
               'logo': base64.b64encode(file_open('parand_crm/demo/parand_logo.png', 'rb').read())})
company.partner_id.write({
    'lang': lang.code, 'tz': 'Asia/Tehran', 'country_id': env.ref('base.ir').id,
    'city': 'تهران', 'zip': '1435913746', 'street': 'خیابان ولیعصر، پلاک ۱۲۰',
    'street2': False,
})
env.ref('base.user_admin').write({'lang': lang.code, 'tz': 'Asia/Tehran'})
env.ref('base.partner_admin').write({'lang': lang.code, 'tz': 'Asia/Tehran'})
"""

# The demo data of our addons only, as Settings' "Load demo data" (force_demo) loads every
# module's: the first screens then hold Persian records only, and Odoo's demo data (whose
# records name the stages our Persian pipeline replaced on this new database) stays out.
LOAD_DEMO = f"""
from odoo.modules.graph import Graph
from odoo.modules.loading import load_demo
addons = {list(pe.ADDONS)!r}
env.cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
graph = Graph()
graph.add_modules(env.cr, [name for name, in env.cr.fetchall()], ['demo'])
for package in graph:
    # Odoo loads a module's demo only when its dependencies had theirs: ours need none.
    package.dbdemo = True
for package in graph:
    if package.name in addons and not load_demo(env, package, {{}}, 'init'):
        raise RuntimeError(f"the demo data of {{package.name}} did not load")
env.cr.execute("UPDATE ir_module_module SET demo = TRUE WHERE name = ANY(%s)", [addons])
env['ir.module.module'].invalidate_model(['demo'])
"""

# Persian for the administrator: Jalali calendar, Tehran's province, Iran's working week
# and holidays for the company (parand_crm's demo makes the Persian team his own).
PERSIAN_ADMIN = """
admin = env.ref('base.user_admin')
admin.write({'lang': 'fa_IR', 'tz': 'Asia/Tehran', 'date_calendar': 'jalali'})
company = env.ref('base.main_company')
company.partner_id.state_id = env.ref('parand_crm.state_ir_23')
iran_week = env.ref('parand_crm.resource_calendar_iran')
iran_week.action_l10n_ir_load_holidays()
company.resource_calendar_id = iran_week
# The demo has no Odoo IAP account: these jobs would only send its data to Odoo's servers.
for xmlid in ('crm_iap_enrich.ir_cron_lead_enrichment',
              'partner_autocomplete.ir_cron_partner_autocomplete',
              'mail.ir_cron_module_update_notification'):
    cron = env.ref(xmlid, raise_if_not_found=False)
    if cron:
        cron.active = False
"""


def cmd_run(args):
    odoo_root = prerequisites()
    pe.ensure_ours(DEMO_DB)
    install_requirements(["requirements.txt"])
    ensure_rtlcss()
    ensure_pdf_tools()
    prepare_demo_db(odoo_root)
    port = pe.conf_value("http_port", "8069")
    say(f"Odoo is starting on http://localhost:{port} - database {DEMO_DB}, "
        "login: admin, password: admin (Ctrl+C stops it)")
    cmd = pe.odoo_command("-d", DEMO_DB, f"--db-filter=^{DEMO_DB}$", *args)
    os.chdir(pe.REPO)
    os.execve(cmd[0], cmd, pe.odoo_env(odoo_root))


# ------------------------------------------------------------------------------ test
def testing_prerequisites():
    """What both test commands need before they write anything; return Odoo's root."""
    odoo_root = prerequisites()
    pe.ensure_ours(TEST_DB)
    pe.ensure_ours(TEMPLATE_DB)
    install_requirements(["requirements.txt", "requirements-test.txt"])
    ensure_rtlcss()
    ensure_browser()
    ensure_pdf_tools()
    return odoo_root


def clone_test_db(odoo_root):
    """The test database, a fresh copy of the template (made first when it is missing)."""
    LOGS.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if pe.ensure_template_db(odoo_root, TEMPLATE_DB, LOGS):
        say(f"made template database {TEMPLATE_DB} in {time.monotonic() - started:.0f}s")
    pe.ensure_ours(TEST_DB)
    pe.clone_db(TEMPLATE_DB, TEST_DB, f"{pe.MARK}incomplete")


def prepare_test_db(odoo_root):
    """A fresh database with the three addons installed, no demo data."""
    clone_test_db(odoo_root)
    started = time.monotonic()
    pe.run_odoo(odoo_root, "-d", TEST_DB, "-i", TEST_ADDONS, "--without-demo=all",
                "--stop-after-init", "--log-level=warn", log=LOGS / f"{TEST_DB}.log")
    pe.set_db_comment(TEST_DB, f"{pe.MARK}test")
    say(f"installed {TEST_ADDONS} in {TEST_DB} in {time.monotonic() - started:.0f}s")


def cmd_test(args):
    odoo_root = testing_prerequisites()
    prepare_test_db(odoo_root)
    env = pe.odoo_env(odoo_root)
    env.update(PARAND_TEMPLATE_DB=TEMPLATE_DB, PARAND_TEST_DB=TEST_DB)
    # The property tests check 10,000 cases each here (1,000 under Odoo's runner).
    env.setdefault("PARAND_PROPERTY_CASES", "10000")
    cmd = [
        sys.executable, "-m", "pytest",
        f"--odoo-config={pe.LOCAL_CONF}", f"--odoo-database={TEST_DB}", "--odoo-http",
        "--odoo-log-level=warn", *(args or ["addons", "tests"]),
    ]
    say("running pytest")
    return subprocess.run(cmd, cwd=pe.REPO, env=env, check=False).returncode


# What Odoo's runner logs last: "0 failed, 0 error(s) of 812 tests when loading database".
TESTS_RUN = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")


def cmd_test_odoo(_args):
    """The addons' tests as OCA's CI and Odoo.sh run them: installed on a fresh copy of the
    template by odoo-bin with --test-enable, which runs the tests its tests/__init__.py
    imports. Fails when the log holds an error or when no test ran."""
    odoo_root = testing_prerequisites()
    clone_test_db(odoo_root)
    log = LOGS / f"{TEST_DB}.test-odoo.log"
    started = time.monotonic()
    say(f"odoo-bin -i {TEST_ADDONS} --test-enable on {TEST_DB} (several minutes; log: {log})")
    rc, output = pe.run_odoo(odoo_root, "-d", TEST_DB, "-i", TEST_ADDONS, "--without-demo=all",
                             "--test-enable", "--stop-after-init", "--log-level=info", log=log,
                             check=False)
    count, errors = odoo_test_results(output)
    say(f"Odoo's runner ran {count} tests in {time.monotonic() - started:.0f}s")
    for line in errors[:40]:
        print(line, file=sys.stderr)
    if rc or errors or not count:
        say(f"test-odoo failed: exit {rc}, {len(errors)} error lines, {count} tests (log: {log})")
        return 1
    return 0


def odoo_test_results(output):
    """How many tests Odoo's runner ran, by its last summary line, and the log's error lines
    (a failed or broken test, an error of the install itself)."""
    errors = [line for line in output.splitlines()
              if " ERROR " in line or " CRITICAL " in line or "FAIL:" in line]
    found = TESTS_RUN.findall(output)
    return (int(found[-1][2]) if found else 0), errors


# ----------------------------------------------------------------------------- bench
def cmd_bench(args):
    odoo_root = prerequisites()
    install_requirements(["requirements.txt"])
    env = pe.odoo_env(odoo_root)
    cmd = [sys.executable, str(pe.REPO / "bench" / "run.py"), *args]
    return subprocess.run(cmd, cwd=pe.REPO, env=env, check=False).returncode


def cmd_i18n(args):
    """Export each addon's .pot from the test database and merge it into fa.po."""
    odoo_root = prerequisites()
    if pe.db_comment(TEST_DB) != f"{pe.MARK}test":
        raise pe.SetupError(f"database {TEST_DB} is not ready: run `make test` first.")
    for addon in args or pe.ADDONS:
        i18n = pe.ADDONS_DIR / addon / "i18n"
        i18n.mkdir(exist_ok=True)
        pot = i18n / f"{addon}.pot"
        pe.run_odoo(odoo_root, "-d", TEST_DB, f"--i18n-export={pot}", f"--modules={addon}",
                    "--stop-after-init", "--log-level=warn")
        fa_po = i18n / "fa.po"
        if fa_po.exists():
            subprocess.run(["msgmerge", "--quiet", "--update", "--no-fuzzy-matching",
                            "--backup=none", "--no-location", str(fa_po), str(pot)], check=True)
        say(f"{addon}: {pot.relative_to(pe.REPO)} exported, fa.po merged")
    return 0


def cmd_check(_args):
    odoo_root = prerequisites()
    say(f"Odoo 18.0 at {odoo_root}; PostgreSQL answers; config in {pe.LOCAL_CONF}")
    return 0


COMMANDS = {
    "run": "create or upgrade the demo database and start Odoo (extra arguments go to Odoo)",
    "test": "lint and run every test on a fresh test database (extra arguments go to pytest)",
    "test-odoo": "run the addons' tests with Odoo's own runner (odoo-bin --test-enable)",
    "bench": "fill a benchmark database and print the ratios (see bench/run.py --help)",
    "check": "check the prerequisites only",
    "i18n": "export the addons' .pot from the test database and merge them into fa.po",
}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        for name, text in COMMANDS.items():
            print(f"  {name:9} {text}", file=sys.stderr)
        return 2
    handler = {"run": cmd_run, "test": cmd_test, "test-odoo": cmd_test_odoo,
               "bench": cmd_bench, "check": cmd_check, "i18n": cmd_i18n}
    try:
        return handler[argv[0]](argv[1:])
    except pe.SetupError as exc:
        print(f"parand: error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"parand: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
