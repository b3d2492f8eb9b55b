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


# The SQL functions giving the start of a value's Jalali period, per period kind and type of
# value: a date's first day, and a timestamp's first midnight (datetimes in the reader's
# time zone). Months per Jalali period.
PERIOD_MONTHS = {"month": 1, "quarter": 3, "year": 12}
PERIOD_START_FUNCTIONS = {
    (kind, value_type): f"parand_jalali_{kind}_start" + ("" if value_type == "date" else "_at")
    for kind in PERIOD_MONTHS for value_type in ("date", "timestamp")
}
# The function they call with their periods' starts, per type of value, with its arguments.
PERIOD_SEARCH_FUNCTION = "parand_jalali_period_start"
PERIOD_SEARCH_ARGUMENTS = {"date": "date, date, int[]", "timestamp": "timestamp, timestamp[]"}


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

        Each function is one SELECT of an expression, so that PostgreSQL inlines it into the
        query: ``width_bucket`` finds the value's period in a constant array of the periods'
        starts, NULL for a value outside the calendar's years. The array is written once in
        each function and handed to the search (inlined too), for it is parsed at each
        planning. Dates are compared as day numbers from FIRST_DAY (integers are parsed ten
        times faster than dates). Timestamps are compared as timestamps: a cast to date costs
        as much as the search itself (see base.py).
        """
        cr = self.env.cr
        cr.execute(SQL("""
            CREATE OR REPLACE FUNCTION %(search)s(day date, first_day date, offsets int[])
            RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            'SELECT first_day + offsets[NULLIF(width_bucket(day - first_day, offsets),
                                               cardinality(offsets))]';
            CREATE OR REPLACE FUNCTION %(search)s(moment timestamp, starts timestamp[])
            RETURNS timestamp LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
            'SELECT starts[NULLIF(width_bucket(moment, starts), cardinality(starts))]';
        """, search=SQL.identifier(PERIOD_SEARCH_FUNCTION)))
        for kind, step in PERIOD_MONTHS.items():
            # END_DAY closes the last period: width_bucket puts the days after it there.
            starts = jalali_month_starts()[::step]
            offsets = "{" + ",".join(str((day - FIRST_DAY).days) for day in starts) + "}"
            midnights = "{" + ",".join(day.isoformat() for day in starts) + "}"
            for value_type, argument, body in (
                ("date", "day date", cr.mogrify(
                    f"SELECT {PERIOD_SEARCH_FUNCTION}(day, %s::date, %s::int[])",
                    [FIRST_DAY, offsets])),
                ("timestamp", "moment timestamp", cr.mogrify(
                    f"SELECT {PERIOD_SEARCH_FUNCTION}(moment, %s::timestamp[])", [midnights])),
            ):
                cr.execute(SQL(
                    "CREATE OR REPLACE FUNCTION %s(%s) RETURNS %s"
                    " LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %s",
                    SQL.identifier(PERIOD_START_FUNCTIONS[kind, value_type]), SQL(argument),
                    SQL(value_type), body.decode()))
