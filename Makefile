# The project's commands. Each checks its prerequisites first (Odoo 18.0 importable or
# ODOO_SRC set, PostgreSQL answering as odoo.conf says) and stops with one clear line if
# one is missing.
PYTHON ?= python3

.PHONY: help run test test-odoo bench check i18n wheels lint scale load

help:
	@echo "make run    create or upgrade the demo database (parand_demo) and start Odoo on :8069"
	@echo "make test   lint and run all tests on a fresh test database"
	@echo "make test-odoo  run the addons' tests with Odoo's own runner (odoo-bin --test-enable)"
	@echo "make bench  fill a benchmark database and print the ratios"
	@echo "make check  check the prerequisites only"
	@echo "make i18n   export the .pot files from the test database, merge fa.po, check it"
	@echo "make wheels build each addon's odoo-addon-<name> wheel into dist/ (OCA's whool)"
	@echo "make lint   run the pre-commit hooks (ruff, pylint-odoo, OCA's hooks) on every file"
	@echo "make scale  a streaming PostgreSQL replica on :5433 and Odoo on the demo database with"
	@echo "            4 workers, 2 cron workers and its reads on the replica (Ctrl+C stops both)"
	@echo "make load   a bounded load test against the running Odoo (make run or make scale):"
	@echo "            salespeople, managers and anonymous complaints; prints p50/p95/p99"

run:
	@$(PYTHON) scripts/parandctl.py run

test:
	@$(PYTHON) scripts/parandctl.py test $(PYTEST_ARGS)

test-odoo:
	@$(PYTHON) scripts/parandctl.py test-odoo

bench:
	@$(PYTHON) scripts/parandctl.py bench $(BENCH_ARGS)

check:
	@$(PYTHON) scripts/parandctl.py check

i18n:
	@$(PYTHON) scripts/parandctl.py i18n
	@$(PYTHON) scripts/parand_packaging.py i18n-check

wheels:
	@$(PYTHON) scripts/parand_packaging.py wheels

lint:
	@$(PYTHON) scripts/parand_packaging.py lint

scale:
	@$(PYTHON) scripts/parand_scale.py $(SCALE_ARGS)

load:
	@$(PYTHON) scripts/parand_load.py $(LOAD_ARGS)
