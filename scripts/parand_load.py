#!/usr/bin/env python3
"""make load: a bounded load test of the running Odoo (make run or make scale).

    python3 scripts/parand_load.py                       # make load
    python3 scripts/parand_load.py --rounds 1 --seconds 60

At once, on the demo database: salespeople (each: the pipeline kanban's search, a lead's
form, a save), managers (the feedback dashboard and measures, the campaigns' results and
their comparison) and anonymous visitors posting the public complaint form, each from its
own client address (X-Forwarded-For, believed from the loopback: the form's trusted
proxies). It makes its users once, prints p50/p95/p99 per action, the throughput and the
errors, and exits non-zero on any server error (HTTP 5xx or an RPC error) or when an
accepted complaint is missing from the database. Loopback only; every user does
`--rounds` rounds and the whole test stops after `--seconds`.
"""

import argparse
import ipaddress
import itertools
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import parandctl as ctl

import parand_env as pe

KANBAN_SPEC = {
    "name": {}, "expected_revenue": {}, "priority": {}, "activity_state": {},
    "partner_id": {"fields": {"display_name": {}}}, "stage_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}}, "tag_ids": {"fields": {"display_name": {}}},
}
FORM_SPEC = dict(KANBAN_SPEC, description={}, email_from={}, phone={}, probability={},
                 team_id={"fields": {"display_name": {}}}, date_deadline={})
RESULT_FIELDS = ("member_count", "lead_count", "opportunity_count", "won_count", "won_revenue",
                 "pipeline_revenue", "conversion_rate", "win_rate", "roi", "cost_per_won")
# The form's global ceiling (posts per minute) is raised for the test and restored after.
CEILING = "crm_feedback.complaint_form_max_per_minute"


class ServerError(Exception):
    """HTTP 5xx or an RPC error: the load test fails."""


class Client:
    """One browser: a requests session on the loopback, logged in or anonymous."""

    def __init__(self, url, db):
        import requests

        self.url, self.db = url, db
        self.http = requests.Session()
        # One request per connection, as nginx talks to Odoo by default (HTTP/1.0).
        self.http.headers["Connection"] = "close"
        self.ids = itertools.count(1)

    def _check(self, response):
        if response.status_code >= 500:
            raise ServerError(f"HTTP {response.status_code} on {response.request.path_url}")
        return response

    def rpc(self, route, params):
        response = self._check(self.http.post(f"{self.url}{route}", json={
            "jsonrpc": "2.0", "method": "call", "id": next(self.ids), "params": params},
            timeout=120))
        body = response.json()
        if "error" in body:
            error = body["error"].get("data", {}).get("message") or body["error"]["message"]
            raise ServerError(f"{route}: {error}")
        return body["result"]

    def login(self, login, password):
        return self.rpc("/web/session/authenticate",
                        {"db": self.db, "login": login, "password": password})["uid"]

    def call(self, model, method, *args, **kwargs):
        return self.rpc(f"/web/dataset/call_kw/{model}/{method}", {
            "model": model, "method": method, "args": list(args), "kwargs": kwargs})

    def get(self, path, **kwargs):
        return self._check(self.http.get(f"{self.url}{path}", timeout=120, **kwargs))

    def post(self, path, **kwargs):
        return self._check(self.http.post(f"{self.url}{path}", timeout=120, **kwargs))


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.times = defaultdict(list)
        self.errors = defaultdict(list)
        self.server_errors = 0
        self.accepted = []

    def run(self, action, func, *args, **kwargs):
        started = time.perf_counter()
        try:
            result = func(*args, **kwargs)
        except ServerError as error:
            with self.lock:
                self.errors[action].append(str(error))
                self.server_errors += 1
            return None
        except Exception as error:  # a refused or dropped connection counts as a failure
            with self.lock:
                self.errors[action].append(f"{type(error).__name__}: {error}")
                self.server_errors += 1
            return None
        with self.lock:
            self.times[action].append(time.perf_counter() - started)
        return result

    def refuse(self, action, reason):
        with self.lock:
            self.errors[action].append(reason)


# ------------------------------------------------------------------------------- setup
def make_users(admin, prefix, count, group_xmlid):
    """`count` users named `<prefix>NN` (password: their login), made once."""
    logins = [f"{prefix}{number:02d}" for number in range(1, count + 1)]
    existing = {user["login"]: user["id"] for user in admin.call(
        "res.users", "search_read", [("login", "in", logins)], ["login"])}
    group = admin.call("ir.model.data", "check_object_reference", *group_xmlid.split("."))[1]
    missing = [login for login in logins if login not in existing]
    if missing:
        ctl.say(f"creating {len(missing)} users {prefix}NN (password: the login)")
        ids = admin.call("res.users", "create", [{
            "name": login.replace("_", " ").title(), "login": login, "password": login,
            "groups_id": [(4, group)], "lang": "fa_IR", "tz": "Asia/Tehran",
        } for login in missing])
        existing.update(zip(missing, ids, strict=True))
    return [(login, existing[login]) for login in logins]


def own_leads(admin, salespeople):
    """One opportunity per salesperson, theirs: each one saves their own."""
    uids = [uid for _login, uid in salespeople]
    leads = {lead["user_id"][0]: lead["id"] for lead in admin.call(
        "crm.lead", "search_read",
        [("user_id", "in", uids), ("name", "=like", "Load test %")], ["user_id"])}
    missing = [uid for uid in uids if uid not in leads]
    if missing:
        ids = admin.call("crm.lead", "create", [{
            "name": f"Load test {uid}", "type": "opportunity", "user_id": uid,
            "expected_revenue": 1000000} for uid in missing])
        leads.update(zip(missing, ids, strict=True))
    return leads


# ------------------------------------------------------------------------------ actors
class LoadRun:
    """What every actor shares: the server, the rounds, the deadline, the start line and
    the recorder."""

    def __init__(self, url, db, rounds, seconds, actors):
        self.url, self.db, self.rounds = url, db, rounds
        self.deadline = time.monotonic() + seconds
        self.start = threading.Barrier(actors, action=self._started)
        self.began = None
        self.rec = Recorder()
        self.tag = str(int(time.time()))

    def _started(self):
        self.began = time.monotonic()

    def rounds_left(self):
        for round_ in range(self.rounds):
            if time.monotonic() > self.deadline:
                return
            yield round_

    def logged_in(self, login):
        """A client logged in before the start line: logins (a deliberately slow password
        hash) are not measured."""
        client = Client(self.url, self.db)
        uid = self.rec.run("login", client.login, login, login)
        self.start.wait()
        return client if uid else None


def salesperson(run, login, lead_id):
    client, rec = run.logged_in(login), run.rec
    if not client:
        return
    for round_ in run.rounds_left():
        rec.run("sales: pipeline kanban (web_search_read)", client.call, "crm.lead",
                "web_search_read", [("type", "=", "opportunity")], KANBAN_SPEC, limit=80,
                order="stage_id, priority desc, id desc")
        rec.run("sales: lead form (web_read)", client.call, "crm.lead", "web_read",
                [lead_id], FORM_SPEC)
        rec.run("sales: save (web_save)", client.call, "crm.lead", "web_save", [lead_id],
                {"expected_revenue": 1000000 + round_}, specification={"display_name": {}})


def manager(run, login):
    client, rec = run.logged_in(login), run.rec
    if not client:
        return
    for _round in run.rounds_left():
        rec.run("manager: feedback dashboard", client.call, "crm.feedback",
                "get_dashboard_data", 90)
        rec.run("manager: feedback measures", client.call, "crm.feedback", "get_metrics", [])
        rec.run("manager: campaign results", client.call, "utm.campaign", "web_search_read",
                [], {name: {} for name in ("name", *RESULT_FIELDS)}, limit=80)
        rec.run("manager: campaign comparison", client.call, "crm.campaign.report",
                "web_read_group", [], ["lead_count:sum", "won_count:sum", "won_revenue:sum"],
                ["campaign_id"], lazy=True)


CSRF = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
RECEIVED = re.compile(r"/complaint/received/(\d+)")


def visitor(run, number, address):
    """An anonymous visitor: opens the form, posts a complaint from its own address."""
    client, rec, tag = Client(run.url, run.db), run.rec, run.tag
    host = urllib.parse.urlsplit(run.url).netloc
    run.start.wait()
    page = rec.run("anonymous: complaint form (GET)", client.get, "/complaint/new")
    token = CSRF.search(page.text) if page is not None else None
    if not token:
        if page is not None:
            rec.refuse("anonymous: complaint form (GET)", f"no form (HTTP {page.status_code})")
        return
    response = rec.run("anonymous: complaint post", client.post, "/complaint/submit", data={
        "csrf_token": token.group(1), "name": f"Visitor {number}",
        "email": f"visitor{number}.{tag}@load.example", "phone": "",
        "subject": f"Load test {tag} #{number}", "description": "Delivered late and broken.",
        "remedy": "",
    }, headers={"X-Forwarded-For": address, "X-Forwarded-Host": host,
                "X-Forwarded-Proto": "http"}, allow_redirects=False)
    if response is None:
        return
    received = RECEIVED.search(response.headers.get("Location", ""))
    if response.status_code == 303 and received:
        with rec.lock:
            rec.accepted.append(int(received.group(1)))
    else:
        rec.refuse("anonymous: complaint post", f"refused (HTTP {response.status_code})")


def client_addresses(count):
    """`count` distinct addresses of one private /16 drawn for this run: the form's rate
    limit counts posts per address for an hour."""
    network = ipaddress.ip_network(f"10.{random.randrange(256)}.0.0/16")
    return [str(address) for address in itertools.islice(network.hosts(), count)]


# ----------------------------------------------------------------------------- report
def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(rec, wall):
    logins = rec.times.pop("login", [])
    print(f"{len(logins)} users logged in before the start (not measured), "
          f"{len(rec.errors.get('login', []))} could not")
    rows = sorted((set(rec.times) | set(rec.errors)) - {"login"})
    total = sum(len(times) for times in rec.times.values())
    print("\n| action | requests | errors | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for action in rows:
        times = [t * 1000 for t in rec.times[action]]
        figures = (f"{statistics.median(times):.0f} | {percentile(times, 0.95):.0f} | "
                   f"{percentile(times, 0.99):.0f}" if times else "- | - | -")
        print(f"| {action} | {len(times)} | {len(rec.errors[action])} | {figures} |")
    print(f"\n{total} requests answered in {wall:.1f}s: {total / wall:.1f} requests/s; "
          f"{sum(len(e) for e in rec.errors.values())} errors")
    for action in ("login", *rows):
        for error in sorted(set(rec.errors[action]))[:3]:
            print(f"  {action}: {error}")


def missing_complaints(db, ids):
    if not ids:
        return []
    with pe.pg_cursor(db) as cr:
        cr.execute("SELECT id FROM crm_complaint WHERE id = ANY(%s)", [ids])
        found = {row[0] for row in cr.fetchall()}
    return sorted(set(ids) - found)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", default=None,
                        help="Odoo's address (default: http://127.0.0.1:<http_port of odoo.conf>)")
    parser.add_argument("--db", default=ctl.DEMO_DB)
    parser.add_argument("--salespeople", type=int, default=50)
    parser.add_argument("--managers", type=int, default=10)
    parser.add_argument("--complaints", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of actions per user")
    parser.add_argument("--seconds", type=int, default=300, help="stop starting new rounds "
                        "after this many seconds")
    parser.add_argument("--admin-password", default="admin")
    args = parser.parse_args(argv)
    url = args.url or f"http://127.0.0.1:{pe.conf_value('http_port', '8069')}"
    try:
        import requests  # noqa: F401  (Odoo depends on it)

        host = urllib.parse.urlsplit(url).hostname
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise pe.SetupError(f"{url} is not on the loopback: make load only loads this "
                                "machine's Odoo.")
        admin = Client(url, args.db)
        try:
            admin.login("admin", args.admin_password)
        except (ServerError, OSError) as error:
            raise pe.SetupError(f"no Odoo answers for database {args.db} at {url} ({error}): "
                                "start it with make run or make scale.") from error
        salespeople = make_users(admin, "load_sales_", args.salespeople,
                                 "sales_team.group_sale_salesman")
        managers = make_users(admin, "load_manager_", args.managers,
                              "sales_team.group_sale_manager")
        leads = own_leads(admin, salespeople)
        ceiling = admin.call("ir.config_parameter", "get_param", CEILING)
        admin.call("ir.config_parameter", "set_param", CEILING, str(args.complaints * 10))
    except pe.SetupError as exc:
        print(f"parand: error: {exc}", file=sys.stderr)
        return 2
    run = LoadRun(url, args.db, args.rounds, args.seconds,
                  args.salespeople + args.managers + args.complaints)
    rec = run.rec
    threads = [threading.Thread(target=salesperson, args=(run, login, leads[uid]))
               for login, uid in salespeople]
    threads += [threading.Thread(target=manager, args=(run, login))
                for login, _uid in managers]
    threads += [threading.Thread(target=visitor, args=(run, number, address))
                for number, address in enumerate(client_addresses(args.complaints), 1)]
    ctl.say(f"{args.salespeople} salespeople, {args.managers} managers and "
            f"{args.complaints} anonymous visitors on {url} ({args.rounds} rounds)")
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - (run.began or time.monotonic())
    admin.call("ir.config_parameter", "set_param", CEILING, ceiling or False)
    report(rec, wall)
    missing = missing_complaints(args.db, rec.accepted)
    print(f"{len(rec.accepted)} complaints accepted, {len(missing)} missing from the database")
    if rec.server_errors or missing:
        print(f"parand: error: {rec.server_errors} server errors, {len(missing)} accepted "
              "complaints missing", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
