"""18.0.1.1.0: Jalali periods are computed when read, in the reader's time zone.

The nine stored Jalali period columns of leads (in Tehran's time) go: a Jalali reader's
group-by of the dates themselves gives the same groups (models/base.py). The stage
conversion report's view read three of them: it is dropped first and made again by the
update without them.
"""
from odoo.tools import SQL

COLUMNS = [f"{prefix}_jalali_{kind}" for prefix in ("create", "closed", "deadline")
           for kind in ("month", "quarter", "year")]


def migrate(cr, version):
    if not version:
        return
    cr.execute("DROP VIEW IF EXISTS parand_stage_conversion_report")
    cr.execute(SQL("ALTER TABLE crm_lead %s", SQL(", ").join(
        SQL("DROP COLUMN IF EXISTS %s", SQL.identifier(column)) for column in COLUMNS)))
