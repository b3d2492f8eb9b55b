#!/usr/bin/env python3
"""Fill a benchmark database with realistic Persian data and print the benchmark ratios.

    make bench                      # the sizes the issues name (takes a while the first time)
    make bench BENCH_ARGS="--scale 0.01 -k core"

Every module bench/bench_*.py may define `generate(ctx)`, which fills data set-based and
commits per batch, and `BENCHMARKS`, functions `(ctx) -> list[Result]`. The data is made
once per scale and addons version and reused by later runs (the database comment says
which). The table printed at the end is the figure: a ratio per line, measured in one run.
"""

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
sys.path.insert(0, str(HERE.parent))

import parand_env as pe  # noqa: E402 - found through the path set above
from bench.common import orm_defaults_in_columns  # noqa: E402

BENCH_DB = os.environ.get("PARAND_BENCH_DB", "parand_bench")
BASE_DB = BENCH_DB + "_base"
TEMPLATE_DB = os.environ.get("PARAND_TEMPLATE_DB", "parand_test_base")


class Context:
    """What a benchmark gets: the scale, the bench database and the one without our addons."""

    def __init__(self, scale):
        import odoo

        self.scale = scale
        self.odoo = odoo
        self._registries = {}
        self._cursors = []

    def count(self, full_size):
        """`full_size` (the issue's figure) at this run's scale, at least 1."""
        return max(1, int(full_size * self.scale))

    def env(self, db=BENCH_DB):
        """A superuser environment on `db`, on a cursor of its own."""
        odoo = self.odoo
        if db not in self._registries:
            self._registries[db] = odoo.modules.registry.Registry(db)
        cr = self._registries[db].cursor()
        self._cursors.append(cr)
        return odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})

    def close(self):
        for cr in self._cursors:
            cr.rollback()
            cr.close()


def discover(keyword=None):
    modules = []
    # bench_core first: it makes the partners and leads the other generators build on.
    for path in sorted(HERE.glob("bench_*.py"), key=lambda p: (p.stem != "bench_core", p.stem)):
        # bench_core makes the partners and leads every other module builds on.
        if keyword and keyword not in path.stem and path.stem != "bench_core":
            continue
        modules.append(importlib.import_module(f"bench.{path.stem}"))
    return modules


def prepare_databases(odoo_root, scale, modules):
    """The bench DB (all addons + generated data) and its twin without our addons."""
    fingerprint = pe.tree_fingerprint(pe.ADDONS_DIR, HERE)
    # The data depends on which generators ran (-k) as much as on the code and the scale.
    generators = ",".join(module.__name__.rsplit("_", 1)[-1] for module in modules)
    want = f"{pe.MARK}bench:{fingerprint}:{scale}:{generators}"
    pe.ensure_ours(BENCH_DB)
    pe.ensure_ours(BASE_DB)
    pe.ensure_template_db(odoo_root, TEMPLATE_DB, pe.LOCAL / "logs")
    if pe.db_comment(BASE_DB) != f"{pe.MARK}bench-base:{pe.template_fingerprint(odoo_root)}":
        pe.clone_db(TEMPLATE_DB, BASE_DB,
                    f"{pe.MARK}bench-base:{pe.template_fingerprint(odoo_root)}")
    if pe.db_comment(BENCH_DB) == want:
        print(f"bench: reusing {BENCH_DB} (scale {scale})", flush=True)
        return False
    pe.clone_db(TEMPLATE_DB, BENCH_DB, f"{pe.MARK}incomplete")
    pe.run_odoo(odoo_root, "-d", BENCH_DB, "-i", ",".join(pe.ADDONS), "--without-demo=all",
                "--stop-after-init", "--log-level=warn", log=pe.LOCAL / "logs" / "bench.log")
    return want


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the issues' data sizes (default 1 = full size)")
    parser.add_argument("-k", dest="keyword", help="only bench modules whose name has this")
    args = parser.parse_args(argv)

    odoo_root = pe.locate_odoo()
    pe.write_local_conf(odoo_root)
    import odoo

    odoo.tools.config.parse_config(["-c", str(pe.LOCAL_CONF), "--log-level=warn"])
    modules = discover(args.keyword)
    fresh = prepare_databases(odoo_root, args.scale, modules)
    ctx = Context(args.scale)
    try:
        if fresh:
            with orm_defaults_in_columns(ctx.env()):
                for module in modules:
                    if hasattr(module, "generate"):
                        started = time.monotonic()
                        module.generate(ctx)
                        print(f"bench: {module.__name__} generated data in "
                              f"{time.monotonic() - started:.0f}s", flush=True)
            pe.set_db_comment(BENCH_DB, fresh)
        results = []
        for module in modules:
            for benchmark in getattr(module, "BENCHMARKS", []):
                results.extend(benchmark(ctx))
    finally:
        ctx.close()
    print_table(results, args.scale)
    return 0 if all(result.ok for result in results) else 1


def print_table(results, scale):
    width = max([len(result.name) for result in results] + [20])
    print(f"\nBenchmarks (scale {scale:g}; ratio = ours / reference, measured side by side)")
    print(f"{'benchmark':<{width}}  {'ours':>9}  {'reference':>9}  {'unit':<7}  "
          f"{'reference is':<18} {'ratio':>6}  {'limit':>5}  ok")
    for result in results:
        print(f"{result.name:<{width}}  {result.subject:9.3f}  {result.baseline:9.3f}  "
              f"{result.unit:<7}  {result.baseline_label:<18} {result.ratio:6.2f}  "
              f"{result.limit:5.2f}  {'yes' if result.ok else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())
