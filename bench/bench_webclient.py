"""parand_crm: what the Jalali calendar costs the web client, measured in Chromium.

- Rendering a list of 500 leads with four date columns for a Jalali user, against the same
  list for a Gregorian user: at most 1.3x. An Odoo server runs on the bench database and
  two headless Chromiums (one per user) mount the list alternately; the server's answer is
  read once per browser and replayed, so that only the web client's work is timed. The
  figure is the ratio of the medians.
"""

import json
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from .common import Result

LEADS = 500
ROUNDS = 15
PREFIX = "Bench web lead"
USERS = {"jalali": "parand_bench_jalali", "gregorian": "parand_bench_gregorian"}
DATE_COLUMNS = ("date_deadline", "date_open", "date_closed", "date_last_stage_update")
CHROMIUM = "/usr/bin/chromium"

# Runs in the page: mount the list `rounds` times, the answer of web_search_read replayed
# after the first mount, and give the time of each mount in milliseconds.
MEASURE_JS = """
(async ({ viewId, rounds, leads, prefix }) => {
    const env = odoo.__WOWL_DEBUG__.root.env;
    const { ORM } = odoo.loader.modules.get("@web/core/orm_service");
    const answers = new Map();
    const webSearchRead = ORM.prototype.webSearchRead;
    ORM.prototype.webSearchRead = function (...args) {
        const key = JSON.stringify(args);
        if (!answers.has(key)) {
            answers.set(key, webSearchRead.apply(this, args));
        }
        return answers.get(key).then((answer) => structuredClone(answer));
    };
    const action = {
        type: "ir.actions.act_window",
        res_model: "crm.lead",
        views: [[viewId, "list"]],
        domain: [["name", "like", prefix + " %"]],
        limit: leads,
        context: {},
    };
    const rendered = () => new Promise((resolve) => {
        const check = () =>
            document.querySelectorAll(".o_list_renderer .o_data_row").length >= leads
                ? resolve()
                : requestAnimationFrame(check);
        check();
    });
    await env.services.action.doAction(action, { clearBreadcrumbs: true });  // warm up
    await rendered();
    const times = [];
    for (let i = 0; i < rounds; i++) {
        await env.services.action.doAction({ type: "ir.actions.act_window_close" });
        const started = performance.now();
        await env.services.action.doAction(action, { clearBreadcrumbs: true });
        await rendered();
        times.push(performance.now() - started);
    }
    ORM.prototype.webSearchRead = webSearchRead;
    return times;
})
"""


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_http(url, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read()
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def _prepare(env):
    """The two users, the 500 leads and the list view with four date columns (kept)."""
    Users = env["res.users"].with_context(no_reset_password=True)
    groups = [env.ref("base.group_user").id, env.ref("sales_team.group_sale_manager").id]
    for calendar, login in USERS.items():
        user = Users.search([("login", "=", login)])
        if not user:
            Users.create({"name": login, "login": login, "password": login, "tz": "Asia/Tehran",
                          "lang": "en_US", "date_calendar": calendar,
                          "groups_id": [(6, 0, groups)]})
    Lead = env["crm.lead"]
    missing = LEADS - Lead.search_count([("name", "like", f"{PREFIX} %")])
    if missing > 0:
        Lead.create([{
            "name": f"{PREFIX} {i}", "type": "opportunity",
            "date_deadline": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "date_open": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} 08:30:00",
            "date_closed": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 15:45:00",
        } for i in range(missing)])
    view = env.ref("parand_crm.bench_lead_dates_list", raise_if_not_found=False)
    if not view:
        columns = "".join(f'<field name="{name}"/>' for name in DATE_COLUMNS)
        view = env["ir.ui.view"].create({
            "name": "crm.lead.list.bench.dates", "model": "crm.lead", "type": "list",
            "priority": 1000, "arch": f'<list><field name="name"/>{columns}</list>'})
        env["ir.model.data"].create({"module": "parand_crm", "name": "bench_lead_dates_list",
                                     "model": "ir.ui.view", "res_id": view.id, "noupdate": True})
    env.cr.commit()  # pylint: disable=invalid-commit - the server started next reads them
    return view.id


class _Page:
    """A headless Chromium logged in as one user, driven over the DevTools protocol."""

    def __init__(self, base_url, login):
        import websocket  # an Odoo requirement

        self.profile = tempfile.mkdtemp(prefix="parand-bench-")
        port = _free_port()
        self.process = subprocess.Popen([
            CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu",
            "--window-size=1366,768", f"--remote-debugging-port={port}",
            f"--user-data-dir={self.profile}", "about:blank",
        ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        targets = json.loads(_wait_http(f"http://127.0.0.1:{port}/json/list"))
        page = next(target for target in targets if target["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=300,
                                              suppress_origin=True)
        self.ids = 0
        self.call("Page.navigate", url=f"{base_url}/web/login")
        self._wait("document.querySelector('input[name=login]')")
        self.evaluate(f"""(() => {{
            document.querySelector('input[name=login]').value = {json.dumps(login)};
            document.querySelector('input[name=password]').value = {json.dumps(login)};
            document.querySelector('form').submit();
        }})()""")
        self._wait("window.odoo && odoo.__WOWL_DEBUG__ && odoo.__WOWL_DEBUG__.root"
                   " && document.querySelector('.o_action_manager')")

    def call(self, method, **params):
        self.ids += 1
        self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.ids:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True,
                           returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def _wait(self, condition, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if self.evaluate(f"Boolean({condition})"):
                    return
            except RuntimeError:
                pass  # the page is being replaced
            time.sleep(0.3)
        raise RuntimeError(f"the page never showed {condition}")

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def bench_jalali_list_render(ctx):
    import bench.run
    import parand_env as pe

    if not Path(CHROMIUM).exists():
        print(f"bench: {CHROMIUM} is missing, the web client bench is skipped", flush=True)
        return []
    view_id = _prepare(ctx.env())
    port = _free_port()
    server = subprocess.Popen(
        pe.odoo_command("-d", bench.run.BENCH_DB, f"--db-filter=^{bench.run.BENCH_DB}$",
                        f"--http-port={port}", "--gevent-port=0", "--max-cron-threads=0",
                        "--workers=0", "--log-level=warn"),
        cwd=pe.REPO, env=pe.odoo_env(pe.locate_odoo()),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pages = {}
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_http(f"{base_url}/web/login")
        pages = {calendar: _Page(base_url, login) for calendar, login in USERS.items()}
        times = {calendar: [] for calendar in USERS}
        args = json.dumps({"viewId": view_id, "rounds": 1, "leads": LEADS, "prefix": PREFIX})
        for _ in range(ROUNDS):  # alternately, so that both users see the same machine
            for calendar, page in pages.items():
                times[calendar].extend(page.evaluate(f"{MEASURE_JS}({args})"))
    finally:
        for page in pages.values():
            page.close()
        server.terminate()
        server.wait(timeout=60)
    jalali, gregorian = (statistics.median(times[c]) for c in ("jalali", "gregorian"))
    print(f"bench: list of {LEADS} leads, 4 date columns, median of {ROUNDS} mounts: "
          f"Jalali {jalali:.1f} ms, Gregorian {gregorian:.1f} ms", flush=True)
    return [Result(f"list of {LEADS} leads with 4 dates, Jalali user", jalali, gregorian, 1.3,
                   "Gregorian user", unit="ms")]


BENCHMARKS = [bench_jalali_list_render]
