"""Find Odoo and PostgreSQL, and manage the databases the project's scripts make.

Used by ``parandctl.py`` (the README's commands), by the test harness in ``tests/`` and by
the benchmarks. Standard library only until Odoo is found: this module is what says what
is missing when something is.

Every database these scripts create carries a PostgreSQL comment starting with
``parand:``; a database of the same name without it belongs to somebody else and is never
touched.
"""

import configparser
import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "addons"
CONF_TEMPLATE = REPO / "odoo.conf"
LOCAL = REPO / ".local"
LOCAL_CONF = LOCAL / "odoo.conf"
# parand_base holds what the others share (Persian text, test helpers): first, as they
# depend on it. The bridges install by themselves (auto_install) once the addons they join
# are there, so that no addon knows of another: crm_feedback_jalali (with parand_crm)
# numbers complaints by the Jalali year and writes Jalali dates, crm_feedback_account counts
# credit notes as feedback, crm_feedback_sale counts sale orders as purchases,
# crm_campaigns_feedback shows a campaign's NPS and CSAT, crm_campaigns_mass_mailing counts
# mailings as contacts and touches, crm_campaigns_parand imports national codes.
ADDONS = ("parand_base", "parand_crm", "crm_feedback", "crm_campaigns", "crm_feedback_jalali",
          "crm_feedback_account", "crm_feedback_sale", "crm_campaigns_feedback",
          "crm_campaigns_mass_mailing", "crm_campaigns_parand")
REQUIRED_ODOO = (18, 0)
# Odoo modules the addons work with through their bridges (credit notes and sale orders
# for crm_feedback, mass mailings for crm_campaigns): the test databases have them, so that
# the bridges install and are tested too.
INTEGRATION_MODULES = ("account", "mass_mailing", "sale")
MARK = "parand:"


class SetupError(Exception):
    """A prerequisite is missing: the message says which, and how to provide it."""


# --------------------------------------------------------------------------- Odoo
def locate_odoo():
    """Import Odoo 18.0 from ODOO_SRC or from the Python path; return its source root.

    The root is the folder holding the ``odoo`` package (and, in a source tree, ``addons``).
    """
    src = os.environ.get("ODOO_SRC")
    if src:
        root = Path(src).expanduser().resolve()
        if not (root / "odoo" / "release.py").is_file():
            raise SetupError(
                f"ODOO_SRC={src} is not an Odoo source tree (no odoo/release.py in it): "
                "point ODOO_SRC at the folder that holds odoo-bin."
            )
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
    try:
        import odoo
        import odoo.release
    except ImportError as exc:
        if src:
            raise SetupError(f"Odoo in ODOO_SRC={src} does not import: {exc}") from exc
        raise SetupError(
            f"Odoo is not importable by {sys.executable} and ODOO_SRC is not set: install "
            "Odoo 18.0 Community (pip install -e <odoo-source> "
            "--config-settings editable_mode=compat) or run with "
            "ODOO_SRC=/path/to/odoo-18.0-source."
        ) from exc
    if getattr(odoo, "__file__", None) is None:
        raise SetupError(
            "'import odoo' finds only an empty namespace package "
            f"({list(odoo.__path__)}): Odoo was installed editable in pip's default mode. "
            "Reinstall it with --config-settings editable_mode=compat, or set ODOO_SRC."
        )
    found = tuple(odoo.release.version_info[:2])
    root = Path(odoo.__file__).resolve().parent.parent
    if found != REQUIRED_ODOO:
        raise SetupError(
            f"found Odoo {odoo.release.version} at {root}; these addons need Odoo "
            f"{REQUIRED_ODOO[0]}.{REQUIRED_ODOO[1]}: install it, or point ODOO_SRC at an "
            "Odoo 18.0 source tree."
        )
    if src and Path(src).expanduser().resolve() != root:
        raise SetupError(
            f"ODOO_SRC={src} is set but Python imports Odoo from {root}: uninstall that "
            "copy or unset ODOO_SRC."
        )
    return root


def odoo_addons_paths(odoo_root):
    """Addons folders for Odoo's addons_path: ours first, then Odoo's own ``addons``."""
    paths = [ADDONS_DIR]
    if (odoo_root / "addons").is_dir():
        paths.append(odoo_root / "addons")
    return [str(p) for p in paths]


def odoo_env(odoo_root):
    """Environment for an Odoo subprocess: it must import the same Odoo as we did."""
    env = dict(os.environ)
    if os.environ.get("ODOO_SRC"):
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(odoo_root), env.get("PYTHONPATH")]))
    return env


# --------------------------------------------------------------------- configuration
def conf_path():
    """odoo.conf of the repository, or the file PARAND_CONF names (same format)."""
    return Path(os.environ.get("PARAND_CONF") or CONF_TEMPLATE)


def read_conf(path=None):
    path = path or conf_path()
    parser = configparser.ConfigParser(interpolation=None)
    if not parser.read(path, encoding="utf-8"):
        raise SetupError(f"{path} is missing: restore it (git checkout odoo.conf).")
    return parser


def write_local_conf(odoo_root):
    """Fill odoo.conf's machine-specific values into .local/odoo.conf and return its path."""
    parser = read_conf()
    options = parser["options"]
    options["addons_path"] = ",".join(odoo_addons_paths(odoo_root))
    options["data_dir"] = str((REPO / options.get("data_dir", ".local/data")).resolve())
    LOCAL.mkdir(exist_ok=True)
    text = "; Generated from odoo.conf by scripts/parand_env.py: edit odoo.conf instead.\n"
    tmp = LOCAL_CONF.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        parser.write(handle)
    tmp.replace(LOCAL_CONF)
    return LOCAL_CONF


def conf_value(key, default=None):
    value = read_conf()["options"].get(key, default)
    return None if value in (None, "False", "") else value


def data_dir():
    return (REPO / read_conf()["options"].get("data_dir", ".local/data")).resolve()


# ------------------------------------------------------------------------ PostgreSQL
def pg_params(dbname="postgres"):
    params = {"dbname": dbname, "connect_timeout": 5}
    for key, conf_key in (("host", "db_host"), ("port", "db_port"),
                          ("user", "db_user"), ("password", "db_password")):
        value = conf_value(conf_key)
        if value:
            params[key] = value
    return params


@contextlib.contextmanager
def pg_cursor(dbname="postgres", **server):
    """Autocommit cursor on the server of odoo.conf, or the one `server` (host, port)
    names (psycopg2 comes with Odoo)."""
    import psycopg2

    params = dict(pg_params(dbname), **server)
    try:
        conn = psycopg2.connect(**params)
    except psycopg2.OperationalError as exc:
        where = f"{params.get('host') or 'the local socket'}:{params.get('port') or 5432}"
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        raise SetupError(
            f"PostgreSQL does not answer at {where} ({reason}): start it "
            "(pg_ctlcluster <version> main start) or set db_host/db_port in odoo.conf."
        ) from exc
    conn.autocommit = True
    try:
        with conn.cursor() as cr:
            yield cr
    finally:
        conn.close()


def check_postgres():
    with pg_cursor() as cr:
        cr.execute("SHOW server_version_num")
        return int(cr.fetchone()[0])


def db_comment(name):
    """The database's comment, '' when it has none, None when it does not exist."""
    with pg_cursor() as cr:
        cr.execute(
            "SELECT coalesce(shobj_description(oid, 'pg_database'), '') "
            "FROM pg_database WHERE datname = %s",
            (name,),
        )
        row = cr.fetchone()
    return row[0] if row else None


def set_db_comment(name, comment):
    from psycopg2 import sql

    with pg_cursor() as cr:
        cr.execute(sql.SQL("COMMENT ON DATABASE {} IS %s").format(sql.Identifier(name)), (comment,))


def ensure_ours(name):
    """Stop when `name` exists but was not made by these scripts; return its comment."""
    comment = db_comment(name)
    if comment is not None and not comment.startswith(MARK):
        raise SetupError(
            f"database {name!r} already exists and was not made by these scripts: "
            "choose another name (see README) or remove it yourself."
        )
    return comment


def drop_db(name):
    """Drop one of our databases and its filestore."""
    from psycopg2 import sql

    if ensure_ours(name) is None:
        return
    with pg_cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            (name,),
        )
        cr.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    shutil.rmtree(data_dir() / "filestore" / name, ignore_errors=True)


def create_empty_db(name, comment):
    """Create an empty database the way Odoo does, marked as ours from its first second."""
    from psycopg2 import sql

    with pg_cursor() as cr:
        cr.execute(
            sql.SQL(
                "CREATE DATABASE {} ENCODING 'unicode' LC_COLLATE 'C' TEMPLATE template0"
            ).format(sql.Identifier(name))
        )
    set_db_comment(name, comment)
    with pg_cursor(name) as cr:
        # Odoo creates these when it makes a database itself; we made it, so we do.
        cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cr.execute("CREATE EXTENSION IF NOT EXISTS unaccent")


def clone_db(source, target, comment):
    """Copy one of our databases with its filestore (CREATE DATABASE ... TEMPLATE)."""
    from psycopg2 import sql

    drop_db(target)
    with pg_cursor() as cr:
        cr.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            (source,),
        )
        cr.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(target), sql.Identifier(source)
            )
        )
    set_db_comment(target, comment)
    src_store, target_store = (data_dir() / "filestore" / name for name in (source, target))
    # A filestore left by a database dropped outside these scripts is not the copy's.
    shutil.rmtree(target_store, ignore_errors=True)
    if src_store.is_dir():
        shutil.copytree(src_store, target_store)


def list_dbs(prefix):
    with pg_cursor() as cr:
        cr.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s "
            "AND shobj_description(oid, 'pg_database') LIKE %s",
            (prefix.replace("_", r"\_") + "%", MARK + "%"),
        )
        return [row[0] for row in cr.fetchall()]


# ---------------------------------------------------------------------- running Odoo
SUBCOMMANDS = ("shell", "server")


def odoo_command(*args):
    """Odoo's command line on the generated config; a subcommand comes before options."""
    head = [args[0]] if args and args[0] in SUBCOMMANDS else []
    return [sys.executable, "-m", "odoo", *head, "-c", str(LOCAL_CONF), *args[len(head):]]


def run_odoo(odoo_root, *args, log=None, check=True, stdin_text=None):
    """Run Odoo's command line to completion; on failure raise with the log's tail."""
    cmd = odoo_command(*args)
    if log:
        # Written as Odoo goes, so that a run stopped from outside (CI's time limit, Ctrl+C)
        # leaves the log of what it did.
        Path(log).parent.mkdir(parents=True, exist_ok=True)
        with open(log, "w+", encoding="utf-8") as log_file:
            proc = subprocess.run(
                cmd, cwd=REPO, env=odoo_env(odoo_root), input=stdin_text,
                stdout=log_file, stderr=subprocess.STDOUT, text=True, check=False,
            )
            log_file.seek(0)
            output = log_file.read()
    else:
        proc = subprocess.run(
            cmd, cwd=REPO, env=odoo_env(odoo_root), input=stdin_text,
            capture_output=True, text=True, check=False,
        )
        output = proc.stdout + proc.stderr
    failed = proc.returncode != 0 or any(
        marker in output for marker in (" ERROR ", " CRITICAL ", "Traceback (most recent")
    )
    if check and failed:
        tail = "\n".join(output.strip().splitlines()[-40:])
        raise RuntimeError(f"odoo {' '.join(args)} failed (exit {proc.returncode}):\n{tail}")
    return proc.returncode, output


def run_odoo_shell(odoo_root, db, code, check=True):
    """Run Python `code` in `odoo shell` on `db` (``env`` is bound) and commit."""
    script = code + "\nenv.cr.commit()\n"
    return run_odoo(
        odoo_root, "shell", "-d", db, "--no-http", "--log-level=warn",
        stdin_text=script, check=check,
    )


def addons_depends(integration=True):
    """Odoo modules our addons depend on, outside this repository, and (unless told not
    to) the modules they integrate with."""
    depends = set()
    for addon in ADDONS:
        depends.update(addon_manifest(addon).get("depends", []))
    if integration:
        depends.update(INTEGRATION_MODULES)
    return sorted(depends - set(ADDONS))


def addon_manifest(addon):
    """The __manifest__.py of an addon of this repository, as a dict."""
    import ast

    return ast.literal_eval((ADDONS_DIR / addon / "__manifest__.py").read_text("utf-8"))


def addon_depends(addon):
    """The addons of this repository that `addon` depends on, directly or through another,
    in ADDONS' order."""
    found, todo = set(), [addon]
    while todo:
        new = {depend for depend in addon_manifest(todo.pop()).get("depends", [])
               if depend in ADDONS and depend not in found}
        found |= new
        todo.extend(new)
    return [name for name in ADDONS if name in found]


def tree_fingerprint(*folders):
    """Hash of the files that make the addons: a changed one means an upgrade is due."""
    digest = hashlib.sha1()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(REPO)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def template_fingerprint(odoo_root):
    import odoo.release

    # data_dir: a copy of the repository has its own filestore, without the template's files.
    parts = [odoo.release.version, str(odoo_root), ",".join(addons_depends()),
             conf_value("load_language") or "", str(data_dir())]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def ensure_template_db(odoo_root, name, log_dir):
    """A database with only our addons' dependencies (and integration modules) installed,
    without demo data.

    Installing crm, survey and utm takes a minute; every test database is a copy of this
    one made in seconds. It is remade when Odoo or the dependencies change.
    """
    want = f"{MARK}template:{template_fingerprint(odoo_root)}"
    comment = ensure_ours(name)
    if comment == want and (data_dir() / "filestore" / name).is_dir():
        return False
    drop_db(name)
    create_empty_db(name, f"{MARK}incomplete")
    run_odoo(
        odoo_root, "-d", name, "-i", ",".join(addons_depends()), "--without-demo=all",
        "--stop-after-init", "--log-level=warn", log=Path(log_dir) / f"{name}.log",
    )
    set_db_comment(name, want)
    return True
