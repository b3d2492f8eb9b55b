"""make scale (issue 15): a streaming replica and Odoo in prefork mode reading on it.

The test runs scripts/parand_scale.py on the test database for a minute, with the replica
logging every statement it runs, calls a read-only route and a read-only method, checks
that their queries ran on the replica, then stops everything with Ctrl+C (SIGINT). It is
skipped, saying why, when this machine cannot run a replica.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest
import requests

import parand_env as pe
import parand_scale as scale

DB = os.environ.get("PARAND_TEST_DB", "parand_test")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rpc(session, url, route, params):
    response = session.post(f"{url}{route}", json={"jsonrpc": "2.0", "method": "call",
                                                   "params": params}, timeout=60)
    response.raise_for_status()
    body = response.json()
    assert "error" not in body, body["error"]
    return body["result"]


@pytest.fixture(scope="module")
def scale_server(tmp_path_factory):
    try:
        scale.prerequisites(check_only=True)
    except pe.SetupError as exc:
        pytest.skip(f"make scale cannot run on this machine: {exc}")
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", scale.REPLICA_PORT)) == 0:
            pytest.skip(f"port {scale.REPLICA_PORT} is taken (make scale running?): set "
                        "PARAND_REPLICA_PORT to another port")
    if pe.db_comment(DB) != f"{pe.MARK}test":
        pytest.skip(f"database {DB} is not installed: run this test through make test")
    port = free_port()
    # A file, not a pipe: nobody reads a pipe while Odoo runs, and a full one blocks Odoo.
    output = tmp_path_factory.mktemp("scale") / "output.log"
    proc = subprocess.Popen(
        [sys.executable, str(pe.REPO / "scripts" / "parand_scale.py"), "--db", DB,
         "--seconds", "600", "--log-statements", "--http-port", str(port), "--",
         "--max-cron-threads=0", f"--gevent-port={free_port()}", "--log-level=warn"],
        cwd=pe.REPO, stdout=output.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_serving(proc, url, output)
        yield proc, url, output
    finally:
        stop(proc)


def wait_serving(proc, url, output, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if requests.get(f"{url}/web/health", timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(1)
    stop(proc)
    pytest.fail(f"make scale did not serve {url}:\n{output.read_text()[-3000:]}")


def stop(proc):
    """As Ctrl+C would: the script stops Odoo, then the replica."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(180)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def replica_statements(since):
    """The statements the replica ran on the test database, after byte `since` of its log."""
    with open(scale.REPLICA_LOG, encoding="utf-8", errors="replace") as log:
        log.seek(since)
        return [line for line in log if f" {DB} " in line and "statement:" in line]


def test_reads_run_on_the_replica_and_ctrl_c_stops_everything(scale_server):
    proc, url, output = scale_server
    assert (scale.REPLICA_DIR / "standby.signal").exists()
    since = scale.REPLICA_LOG.stat().st_size
    public = requests.Session()
    # A read-only route: the complaint page looks the complaint up (an unknown one here).
    response = public.get(f"{url}/complaint/received/987654?access_token=x",
                          allow_redirects=False, timeout=60)
    assert response.status_code in (302, 303)
    admin = requests.Session()
    rpc(admin, url, "/web/session/authenticate", {"db": DB, "login": "admin",
                                                    "password": "admin"})
    # A read-only method, through the web client's RPC route.
    data = rpc(admin, url, "/web/dataset/call_kw/crm.feedback/get_dashboard_data", {
        "model": "crm.feedback", "method": "get_dashboard_data", "args": [90], "kwargs": {}})
    assert "metrics" in data
    time.sleep(1)
    statements = replica_statements(since)
    assert any(re.search(r'FROM "crm_complaint"', line) for line in statements), \
        "the complaint page's query did not run on the replica"
    assert any(re.search(r'FROM "crm_feedback"', line) for line in statements), \
        "get_dashboard_data's queries did not run on the replica"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(180) == 0, output.read_text()[-3000:]
    assert "replica stopped" in output.read_text()
    assert not (scale.REPLICA_DIR / "postmaster.pid").exists()
