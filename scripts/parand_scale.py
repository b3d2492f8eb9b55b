#!/usr/bin/env python3
"""make scale: Odoo as a busy organization runs it, on this machine.

    python3 scripts/parand_scale.py                  # make scale (Ctrl+C stops everything)
    python3 scripts/parand_scale.py --check          # the prerequisites only
    python3 scripts/parand_scale.py --seconds 60     # stop by itself after a minute

A second PostgreSQL cluster is made a streaming replica of the server odoo.conf names
(pg_basebackup, on port 5433 or PARAND_REPLICA_PORT, data in .local/replica), then Odoo
serves the demo database in prefork mode: 4 HTTP workers, 2 cron workers, and the
read-only routes and methods on the replica (db_replica_host/db_replica_port). Ctrl+C
(SIGINT) or SIGTERM stops Odoo, then the replica. Arguments after `--` go to Odoo.
"""

import argparse
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import parandctl as ctl

import parand_env as pe

REPLICA_DIR = pe.LOCAL / "replica"
REPLICA_LOG = ctl.LOGS / "replica.log"
REPLICA_PORT = int(os.environ.get("PARAND_REPLICA_PORT", "5433"))
# The primary keeps the WAL the replica has not received yet while this slot exists: it is
# dropped when the replica stops (and, left by a crash, when make scale starts again).
SLOT = f"parand_replica_{REPLICA_PORT}"
WORKERS = 4
CRON_WORKERS = 2
LOOPBACK = ("127.0.0.1", "localhost", "::1")


class Primary:
    """What the primary server allows, read once: wal_level, senders, replication rules."""

    def __init__(self):
        with pe.pg_cursor() as cr:
            cr.execute("SELECT current_setting('server_version_num')::int / 10000, "
                       "current_setting('wal_level'), "
                       "current_setting('max_wal_senders')::int, "
                       "current_setting('hba_file'), current_user, "
                       "pg_size_pretty(sum(pg_database_size(datname))) FROM pg_database")
            (self.major, self.wal_level, self.senders, self.hba_file, self.user,
             self.size) = cr.fetchone()
            # The rules PostgreSQL loaded; a replication connection matches only the
            # rules naming the pseudo-database `replication`.
            cr.execute("SELECT database, user_name, address, auth_method "
                       "FROM pg_hba_file_rules WHERE type = 'host' AND error IS NULL")
            self.host_rules = cr.fetchall()
        self.host = pe.conf_value("db_host") or "127.0.0.1"
        self.port = pe.conf_value("db_port") or "5432"
        self.bin = Path(f"/usr/lib/postgresql/{self.major}/bin")

    def _rule(self, database):
        for databases, users, address, method in self.host_rules:
            if database in databases and ("all" in users or self.user in users) \
                    and address in ("127.0.0.1", "all", "samehost"):
                return method
        return None

    def replication_line(self):
        return "host replication all 127.0.0.1/32 trust"

    def allows_replication(self):
        return self._rule("replication") is not None

    def trusts_loopback(self):
        """Every loopback connection is already trusted as any user on any database: a
        replication rule for the loopback grants nothing the loopback does not have."""
        return self._rule("all") == "trust" and any(
            "all" in users and "all" in databases and address == "127.0.0.1"
            for databases, users, address, method in self.host_rules if method == "trust")


def replica_owner():
    """PostgreSQL refuses to run as root: as root, the replica belongs to `postgres`."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise pe.SetupError("PostgreSQL cannot run as root and there is no `postgres` user to "
                            "run the replica: run make scale as another user.") from None
    return "postgres"


def as_owner(cmd, owner):
    return ["runuser", "-u", owner, "--", *cmd] if owner else cmd


def odoo_launcher(odoo_root):
    """Prefork Odoo starts its websocket (gevent) process again from sys.argv[0]: it must
    run from odoo-bin, not from `python -m odoo`."""
    script = odoo_root / "odoo-bin"
    if script.is_file():
        return [sys.executable, str(script)]
    found = shutil.which("odoo")
    if found:
        return [found]
    raise pe.SetupError(f"neither {script} nor an `odoo` command found: Odoo's workers mode "
                        "needs one (pip install Odoo, or set ODOO_SRC to its source tree).")


def prerequisites(check_only=False):
    """Odoo, PostgreSQL, its server tools and a primary that accepts a replica."""
    odoo_root = ctl.prerequisites()
    odoo_launcher(odoo_root)
    primary = Primary()
    if primary.host not in LOOPBACK:
        raise pe.SetupError(f"db_host is {primary.host}: make scale copies a PostgreSQL "
                            "server of this machine; set db_host = 127.0.0.1 in odoo.conf.")
    missing = [tool for tool in ("pg_basebackup", "pg_ctl") if not (primary.bin / tool).exists()]
    if missing:
        raise pe.SetupError(f"{' and '.join(missing)} of PostgreSQL {primary.major} not found "
                            f"in {primary.bin}: install postgresql-{primary.major} "
                            "(apt-get install postgresql).")
    if primary.wal_level not in ("replica", "logical") or primary.senders < 1:
        raise pe.SetupError(
            f"the primary has wal_level={primary.wal_level} and max_wal_senders="
            f"{primary.senders}: run ALTER SYSTEM SET wal_level = 'replica' and ALTER SYSTEM "
            "SET max_wal_senders = 10 in psql, then restart PostgreSQL yourself (this command "
            "never restarts it).")
    if not primary.allows_replication():
        allow_replication(primary, check_only)
    if int(primary.port) == REPLICA_PORT:
        raise pe.SetupError(f"PARAND_REPLICA_PORT={REPLICA_PORT} is the primary's port: "
                            "choose another one.")
    return odoo_root, primary, replica_owner()


def allow_replication(primary, check_only=False):
    """Add the loopback replication rule to pg_hba.conf and reload (no restart) when that
    grants nothing new; otherwise say exactly what to add."""
    line = primary.replication_line()
    hba = Path(primary.hba_file)
    if not (primary.trusts_loopback() and os.access(hba, os.W_OK)):
        raise pe.SetupError(
            f"the primary refuses replication connections: add the line `{line}` (or one "
            f"with your own authentication method) to {hba} and run "
            "SELECT pg_reload_conf() in psql.")
    if check_only:
        ctl.say(f"the primary has no replication rule: make scale will add `{line}` to "
                f"{hba} and reload PostgreSQL (the loopback is trusted already)")
        return
    ctl.say(f"the primary trusts the loopback but had no replication rule: adding `{line}` "
            f"to {hba} and reloading PostgreSQL (a reload, not a restart)")
    with open(hba, "a", encoding="utf-8") as handle:
        handle.write(f"\n# Added by make scale (parand): a streaming replica on this machine.\n"
                     f"{line}\n")
    with pe.pg_cursor() as cr:
        cr.execute("SELECT pg_reload_conf()")
    time.sleep(1)
    if not Primary().allows_replication():
        raise pe.SetupError(f"PostgreSQL did not take the line `{line}` of {hba}: "
                            "see its log.")


# ----------------------------------------------------------------------------- replica
def make_replica(primary, owner, log_statements):
    """A fresh copy of the primary, started as its hot standby on REPLICA_PORT."""
    stop_replica(primary, owner, quiet=True)
    drop_slot()
    shutil.rmtree(REPLICA_DIR, ignore_errors=True)
    REPLICA_DIR.mkdir(parents=True)
    ctl.LOGS.mkdir(parents=True, exist_ok=True)
    if owner:
        shutil.chown(REPLICA_DIR, owner, owner)
        REPLICA_LOG.touch()
        shutil.chown(REPLICA_LOG, owner, owner)
    REPLICA_DIR.chmod(0o700)
    ctl.say(f"copying the primary ({primary.size}) into {REPLICA_DIR} with pg_basebackup")
    # -R writes standby.signal, the primary's address and the slot: the copy follows the
    # primary, which keeps the WAL written meanwhile (other databases may write much).
    subprocess.run(as_owner([
        str(primary.bin / "pg_basebackup"), "-h", primary.host, "-p", str(primary.port),
        "-U", primary.user, "-D", str(REPLICA_DIR), "-X", "stream", "-R", "-c", "fast",
        "--create-slot", f"--slot={SLOT}",
    ], owner), check=True)
    write_replica_config(primary, owner, log_statements)
    # The settings that must never be the primary's are given on the command line too:
    # they win over any file.
    options = (f"-c port={REPLICA_PORT} -c listen_addresses=127.0.0.1 "
               f"-c unix_socket_directories={REPLICA_DIR} -c cluster_name=parand_replica")
    subprocess.run(as_owner([
        str(primary.bin / "pg_ctl"), "-D", str(REPLICA_DIR), "-l", str(REPLICA_LOG),
        "-o", options, "-w", "-t", "600", "start",
    ], owner), check=True, stdout=subprocess.DEVNULL)
    wait_streaming()
    ctl.say(f"replica streaming from {primary.host}:{primary.port} on "
            f"127.0.0.1:{REPLICA_PORT} (log: {REPLICA_LOG})")


# A hot standby refuses to start with less of these than its primary has.
STANDBY_MINIMUMS = ("max_connections", "max_worker_processes", "max_wal_senders",
                    "max_prepared_transactions", "max_locks_per_transaction")


def write_replica_config(primary, owner, log_statements):
    """The replica's own postgresql.conf and pg_hba.conf in its folder: Debian keeps the
    primary's in /etc, and the copy must not read them (they name the primary's folder
    and port)."""
    with pe.pg_cursor() as cr:
        cr.execute("SELECT name, setting FROM pg_settings WHERE name = ANY(%s)",
                   [list(STANDBY_MINIMUMS)])
        minimums = cr.fetchall()
    lines = [f"{name} = {value}" for name, value in minimums] + [
        "hot_standby = on", "archive_mode = off", "logging_collector = off",
        # A copy starts as after a crash: one syncfs() instead of an fsync of every file.
        "recovery_init_sync_method = syncfs",
        f"log_statement = {'all' if log_statements else 'none'}",
        "log_line_prefix = '%m [%p] %d '",
    ]
    files = {
        "postgresql.conf": "# make scale: the replica's settings\n" + "\n".join(lines) + "\n",
        # Whoever may read the primary may read its copy, no one else.
        "pg_hba.conf": Path(primary.hba_file).read_text("utf-8"),
        "pg_ident.conf": "",
    }
    for name, text in files.items():
        path = REPLICA_DIR / name
        path.write_text(text, encoding="utf-8")
        if owner:
            shutil.chown(path, owner, owner)


def replica_cursor(dbname="postgres"):
    return pe.pg_cursor(dbname, host="127.0.0.1", port=REPLICA_PORT)


def wait_streaming(timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with replica_cursor() as cr:
            cr.execute("SELECT pg_is_in_recovery(), "
                       "(SELECT status FROM pg_stat_wal_receiver)")
            recovery, status = cr.fetchone()
        if recovery and status == "streaming":
            return
        time.sleep(1)
    raise RuntimeError(f"the replica on port {REPLICA_PORT} does not stream from the "
                       f"primary after {timeout}s: see {REPLICA_LOG}")


def drop_slot():
    with pe.pg_cursor() as cr:
        cr.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
                   "WHERE slot_name = %s AND NOT active", [SLOT])


def stop_replica(primary, owner, quiet=False):
    if (REPLICA_DIR / "postmaster.pid").exists():
        proc = subprocess.run(as_owner([
            str(primary.bin / "pg_ctl"), "-D", str(REPLICA_DIR), "-m", "fast", "-w", "-t", "300",
            "stop",
        ], owner), capture_output=True, text=True, check=False)
        if not quiet:
            ctl.say("replica stopped" if proc.returncode == 0
                    else f"the replica did not stop: {proc.stderr.strip()}")
    drop_slot()


# -------------------------------------------------------------------------------- Odoo
def odoo_command(odoo_root, db, http_port, extra):
    python_m_odoo = 3  # pe.odoo_command starts with `python -m odoo`
    return odoo_launcher(odoo_root) + pe.odoo_command(
        "-d", db, f"--db-filter=^{db}$", f"--workers={WORKERS}",
        f"--max-cron-threads={CRON_WORKERS}", "--db_replica_host=127.0.0.1",
        f"--db_replica_port={REPLICA_PORT}", f"--http-port={http_port}", "--proxy-mode",
        *extra)[python_m_odoo:]


def serve(odoo_root, db, http_port, seconds, extra):
    """Run Odoo until it exits, SIGINT/SIGTERM arrive, or `seconds` pass; stop it cleanly."""
    stopping = []

    def stop(signum, _frame):
        stopping.append(signum)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    # Odoo gets its own process group: a terminal's Ctrl+C reaches this script only, which
    # stops Odoo gracefully (SIGTERM lets each worker finish its request).
    odoo = subprocess.Popen(odoo_command(odoo_root, db, http_port, extra), cwd=pe.REPO,
                            env=pe.odoo_env(odoo_root), start_new_session=True)
    deadline = time.monotonic() + seconds if seconds else None
    try:
        while odoo.poll() is None and not stopping:
            if deadline and time.monotonic() > deadline:
                break
            time.sleep(0.5)
    finally:
        if odoo.poll() is None:
            ctl.say("stopping Odoo")
            odoo.terminate()
            try:
                odoo.wait(60)
            except subprocess.TimeoutExpired:
                odoo.kill()
                odoo.wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if stopping or deadline else odoo.returncode


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="check the prerequisites only")
    parser.add_argument("--seconds", type=int, default=0,
                        help="stop after this many seconds (0: at Ctrl+C)")
    parser.add_argument("--db", default=ctl.DEMO_DB,
                        help="serve this database instead of the demo one (made by make run)")
    parser.add_argument("--http-port", type=int,
                        default=int(pe.conf_value("http_port", "8069")))
    parser.add_argument("--log-statements", action="store_true",
                        help="log every statement the replica runs (log_statement = all)")
    parser.add_argument("odoo_args", nargs="*", help="after --: more options for Odoo")
    args = parser.parse_args(argv)
    try:
        odoo_root, primary, owner = prerequisites(check_only=args.check)
        if args.check:
            ctl.say(f"PostgreSQL {primary.major} at {primary.host}:{primary.port} accepts a "
                    f"replica; it would run on port {REPLICA_PORT}")
            return 0
        if args.db == ctl.DEMO_DB:
            ctl.install_requirements(["requirements.txt"])
            ctl.prepare_demo_db(odoo_root)
        elif not (pe.db_comment(args.db) or "").startswith(pe.MARK):
            raise pe.SetupError(f"database {args.db} was not made by these scripts.")
        try:
            make_replica(primary, owner, args.log_statements)
            ctl.say(f"Odoo is starting on http://localhost:{args.http_port} - database "
                    f"{args.db}, {WORKERS} HTTP workers, {CRON_WORKERS} cron workers, reads "
                    f"on the replica at 127.0.0.1:{REPLICA_PORT} (Ctrl+C stops both)")
            return serve(odoo_root, args.db, args.http_port, args.seconds, args.odoo_args)
        finally:
            stop_replica(primary, owner)
    except pe.SetupError as exc:
        print(f"parand: error: {exc}", file=sys.stderr)
        return 2
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"parand: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
