import functools

from odoo import fields, models
from odoo.tools import SQL
from odoo.tools.sql import table_exists

from ..tools import jalali

# Jalali years the calendar covers: Gregorian 1900-03-21 to 2101-03-20. A Jalali reader's
# group-by puts dates outside them with the empty dates (see base.py).
FIRST_YEAR, LAST_YEAR = 1279, 1479
FIRST_DAY = jalali.from_jalali(FIRST_YEAR, 1, 1)
END_DAY = jalali.from_jalali(LAST_YEAR + 1, 1, 1)


@functools.cache
def jalali_month_starts():
    """The first day of every Jalali month of the calendar's years, and END_DAY."""
    return [jalali.from_jalali(year, month, 1)
            for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in range(1, 13)] + [END_DAY]


# The SQL functions giving the first day of a date's Jalali period, per period kind.
# Months per Jalali period.
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
PERIOD_START_FUNCTIONS = {
    "month": "parand_jalali_month_start",
    "quarter": "parand_jalali_quarter_start",
    "year": "parand_jalali_year_start",
}


class ParandJalaliDay(models.Model):
    """The Jalali calendar in the database: every day with the first day of its Jalali
    month, quarter and year, and the IMMUTABLE SQL functions that read a date's Jalali
    period without a table (``parand_jalali_month_start(day)``...).

    read_group uses the functions: PostgreSQL inlines them into the query as a binary search
    in a constant array (``width_bucket``), about the cost of its own ``date_trunc``, where a
    join on this table costs as much again as the grouping itself.
    """

    _name = "parand.jalali.day"
    _description = "Jalali Calendar Day"
    _auto = False
    _log_access = False
    _order = "day"
    _rec_name = "day"

    day = fields.Date(readonly=True)
    month_start = fields.Date("First Day of the Jalali Month", readonly=True)
    quarter_start = fields.Date("First Day of the Jalali Quarter", readonly=True)
    year_start = fields.Date("First Day of the Jalali Year", readonly=True)

    def init(self):
        cr = self.env.cr
        self._create_period_start_functions()
        if table_exists(cr, self._table):
            return
        cr.execute("""
            CREATE TABLE parand_jalali_day (
                id serial PRIMARY KEY,
                day date NOT NULL UNIQUE,
                month_start date NOT NULL,
                quarter_start date NOT NULL,
                year_start date NOT NULL
            )
        """)
        cr.execute_values("""
            INSERT INTO parand_jalali_day (day, month_start, quarter_start, year_start)
            SELECT generate_series(m.first_day, m.next_first_day - 1, interval '1 day')::date,
                   m.first_day, m.quarter_start, m.year_start
              FROM (VALUES %s) AS m(first_day, next_first_day, quarter_start, year_start)
             ORDER BY 1
        """, jalali.calendar_months(FIRST_YEAR, LAST_YEAR), page_size=10000)
        cr.execute("ANALYZE parand_jalali_day")

    def _create_period_start_functions(self):
        """(Re)create the period start functions from the first days of the Jalali months.

        Each function is one SELECT of an expression, so that PostgreSQL inlines it: the
        first days of the periods as day numbers from FIRST_DAY (integers are parsed ten
        times faster than dates, at each planning), ``width_bucket`` finds the period of
        the day, NULL for a day outside the calendar's years.
        """
        cr = self.env.cr
        for kind, step in PERIOD_MONTHS.items():
            # END_DAY closes the last period: width_bucket puts the days after it there.
            offsets = [(day - FIRST_DAY).days for day in jalali_month_starts()[::step]]
            array = "{" + ",".join(map(str, offsets)) + "}"
            body = cr.mogrify(
                "SELECT %s::date + (%s::int[])[NULLIF(width_bucket(day - %s::date, %s::int[]),"
                " %s)]", [FIRST_DAY, array, FIRST_DAY, array, len(offsets)]).decode()
            cr.execute(SQL(
                "CREATE OR REPLACE FUNCTION %s(day date) RETURNS date"
                " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %s",
                SQL.identifier(PERIOD_START_FUNCTIONS[kind]), body))
