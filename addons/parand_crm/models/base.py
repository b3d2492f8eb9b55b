import datetime
import functools
import itertools

import pytz

from odoo import api, models
from odoo.models import parse_read_group_spec
from odoo.osv import expression
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, DEFAULT_SERVER_DATETIME_FORMAT, SQL

from ..tools import jalali
from .parand_jalali_day import (
    END_DAY,
    FIRST_DAY,
    PERIOD_MONTHS,
    PERIOD_START_FUNCTIONS,
    jalali_month_starts,
)

# The date groupings that follow the reader's calendar; weeks already start on the
# language's first day (Saturday in Persian) and hours are the same in both calendars.
JALALI_GROUPINGS = ("day", "month", "quarter", "year")
# Set by read_group only: Odoo's own code calls _read_group with date groupings and reads
# the results as Gregorian months, whoever the user is.
JALALI_GROUPS_KEY = "parand_jalali_groups"


# The groups of a read are titled and bounded in Python: the same few hundred periods
# come back read after read, and each is worked out once per process.
@functools.lru_cache(maxsize=8192)
def _period_label(start, kind, lang, digits):
    return jalali.period_label(start, kind, lang, digits)


@functools.cache
def _next_period_starts(kind):
    """{first day of a Jalali period: first day of the next one} over the calendar's years."""
    starts = jalali_month_starts()[::PERIOD_MONTHS[kind]]
    return dict(itertools.pairwise(starts))


@functools.lru_cache(maxsize=8192)
def _local_midnight_utc(day, tzinfo):
    value = datetime.datetime.combine(day, datetime.time.min)
    if tzinfo:
        value = tzinfo.localize(value).astimezone(pytz.utc).replace(tzinfo=None)
    return value


class Base(models.AbstractModel):
    """Date groups in the Jalali calendar for the users who read it.

    The web client sends the user's `date_calendar` with every call (res.users.context_get);
    for a Jalali user, read_group (lists, kanban, pivot, graph) groups dates by Jalali
    month, quarter and year, titles the groups 'مرداد 1403', and gives each group the
    Gregorian range and domain of its Jalali period, so that opening a group or a pivot cell
    shows exactly its records.
    """

    _inherit = "base"

    @api.model
    def read_group(self, domain, fields, groupby, *args, **kwargs):
        records = self
        if self.env.context.get("date_calendar") == "jalali" and not self.env.context.get(
                JALALI_GROUPS_KEY):
            records = self.with_context(**{JALALI_GROUPS_KEY: True})
        return super(Base, records).read_group(domain, fields, groupby, *args, **kwargs)

    def _parand_jalali_grouping(self, groupby_spec):
        """The Jalali period a group-by spec asks for ('month'...), or None."""
        if not self.env.context.get(JALALI_GROUPS_KEY):
            return None
        fname, property_name, granularity = parse_read_group_spec(groupby_spec)
        field = self._fields.get(fname)
        if (property_name or granularity not in JALALI_GROUPINGS or field is None
                or field.type not in ("date", "datetime")):
            return None
        return granularity

    def _parand_jalali_week(self, groupby_spec):
        """Whether a group-by spec groups a date by week for a Jalali reader."""
        if not self.env.context.get(JALALI_GROUPS_KEY) or ":" not in groupby_spec:
            return False
        fname, property_name, granularity = parse_read_group_spec(groupby_spec)
        field = self._fields.get(fname)
        return (not property_name and granularity == "week" and field is not None
                and field.type in ("date", "datetime"))

    def _read_group_groupby(self, groupby_spec, query):
        kind = self._parand_jalali_grouping(groupby_spec)
        if kind in (None, "day"):
            return super()._read_group_groupby(groupby_spec, query)
        fname = parse_read_group_spec(groupby_spec)[0]
        is_datetime = self._fields[fname].type == "datetime"
        # The IMMUTABLE function of the period (see parand_jalali_day.py) of the date, or of
        # the datetime in the reader's time zone as Odoo reads it: its first day, or its
        # first midnight. Values outside the calendar's years fall in the empty group (see
        # _read_group_format_result). A datetime is not cast to a date first: on 1,129,416
        # leads, the cast put a Jalali month of create_date at 1.11x Odoo's date_trunc, the
        # timestamp function at 1.04x.
        value = self._field_to_sql(self._table, fname, query)
        tz = self.env.context.get("tz")
        if is_datetime and tz in pytz.all_timezones_set:
            value = SQL("timezone(%s, timezone('UTC', %s))", tz, value)
        function = PERIOD_START_FUNCTIONS[kind, "timestamp" if is_datetime else "date"]
        return SQL("%s(%s)", SQL.identifier(function), value)

    @api.model
    def _read_group_format_result(self, rows_dict, lazy_groupby):
        jalali_groups = {group: kind for group in lazy_groupby
                         if (kind := self._parand_jalali_grouping(group))}
        # Weeks are grouped as Odoo groups them (they start on the language's first day),
        # and titled with the week of the Jalali year: the raw start of each, kept here.
        week_starts = {group: [row[group] for row in rows_dict] for group in lazy_groupby
                       if self._parand_jalali_week(group)}
        super()._read_group_format_result(
            rows_dict, [group for group in lazy_groupby if group not in jalali_groups])
        if not jalali_groups and not week_starts:
            return
        lang = self.env.context.get("lang") or self.env.lang
        # The web client sends the user's choice (res.users.context_get); a call from the
        # server reads it on the user.
        persian_digits = self.env.context.get("persian_digits")
        if persian_digits is None:
            persian_digits = self.env.user.persian_digits
        digits = "persian" if persian_digits else "latin"
        for group, starts in week_starts.items():
            for row, start in zip(rows_dict, starts, strict=True):
                day = start.date() if isinstance(start, datetime.datetime) else start
                # Outside the Jalali day table's years (a typing slip): Odoo's title.
                if isinstance(day, datetime.date) and FIRST_DAY <= day < END_DAY:
                    row[group] = jalali.week_label(day, lang, digits)
        tz = self.env.context.get("tz")
        tzinfo = pytz.timezone(tz) if tz in pytz.all_timezones_set else None
        for group, kind in jalali_groups.items():
            fname = group.split(":")[0]
            is_datetime = self._fields[fname].type == "datetime"
            for row in rows_dict:
                value = row[group]
                if not value:
                    row.setdefault("__range", {})[group] = False
                    row["__domain"] = expression.AND([row["__domain"], self._parand_no_jalali_day(
                        fname, is_datetime, tzinfo)])
                    continue
                start = value.date() if isinstance(value, datetime.datetime) else value
                if not FIRST_DAY <= start < END_DAY:
                    # A day group (the only one outside the table's years): Gregorian.
                    row[group] = start.isoformat()
                    end = start + datetime.timedelta(days=1)
                else:
                    row[group] = _period_label(start, kind, lang, digits)
                    end = (start + datetime.timedelta(days=1) if kind == "day"
                           else _next_period_starts(kind)[start])
                if is_datetime:
                    bounds = [self._parand_local_midnight_utc(day, tzinfo)
                              for day in (start, end)]
                    bounds = [bound.strftime(DEFAULT_SERVER_DATETIME_FORMAT) for bound in bounds]
                else:
                    bounds = [day.strftime(DEFAULT_SERVER_DATE_FORMAT) for day in (start, end)]
                row.setdefault("__range", {})[group] = {"from": bounds[0], "to": bounds[1]}
                row["__domain"] = expression.AND([
                    row["__domain"], [(fname, ">=", bounds[0]), (fname, "<", bounds[1])]])

    @api.model
    def _parand_no_jalali_day(self, fname, is_datetime, tzinfo):
        """The domain of the empty group: no date, or a date before or after the years of
        the Jalali day table (a typing slip such as 0203 for 1403)."""
        bounds = [FIRST_DAY, END_DAY]
        if is_datetime:
            bounds = [self._parand_local_midnight_utc(day, tzinfo).strftime(
                DEFAULT_SERVER_DATETIME_FORMAT) for day in bounds]
        else:
            bounds = [day.strftime(DEFAULT_SERVER_DATE_FORMAT) for day in bounds]
        return ["|", "|", (fname, "=", False), (fname, "<", bounds[0]), (fname, ">=", bounds[1])]

    @api.model
    def _parand_local_midnight_utc(self, day, tzinfo):
        """Midnight at the start of `day` in the reader's time zone, as naive UTC."""
        return _local_midnight_utc(day, tzinfo)

    def _read_group_fill_temporal(self, data, groupby, annoted_aggregates, **fill):
        """Graphs ask for the empty periods too: Jalali ones for a Jalali reader."""
        first_group = groupby[0]
        kind = self._parand_jalali_grouping(first_group)
        if kind is None:
            return super()._read_group_fill_temporal(data, groupby, annoted_aggregates, **fill)
        is_datetime = self._fields[first_group.split(":")[0]].type == "datetime"

        def as_day(value):
            if isinstance(value, str):
                value = datetime.date.fromisoformat(value[:10])
            return value.date() if isinstance(value, datetime.datetime) else value

        starts = sorted({as_day(row[first_group]) for row in data if row[first_group]})
        fill_from, fill_to = fill.get("fill_from"), fill.get("fill_to")
        first = jalali.period_start(as_day(fill_from), kind) if fill_from else (
            starts[0] if starts else None)
        last = jalali.period_start(as_day(fill_to), kind) if fill_to else (
            starts[-1] if starts else None)
        first, last = first or last, last or first
        if first is None:
            return data
        required = [first]
        while required[-1] < last or len(required) < (fill.get("min_groups") or 0):
            required.append(jalali.next_period_start(required[-1], kind))
        if is_datetime:  # datetimes are grouped by timestamps (first midnights)
            required = [datetime.datetime.combine(day, datetime.time.min) for day in required]
        existing = {row[first_group] for row in data if row[first_group]}
        empty_row = {name: self._read_group_empty_value(spec)
                     for name, spec in annoted_aggregates.items()}
        for group in groupby[1:]:
            empty_row[group] = self._read_group_empty_value(group)
        rows_by_start = {}
        for row in data:
            rows_by_start.setdefault(row[first_group], []).append(row)
        result = []
        for start in sorted(existing.union(required)):
            result.extend(rows_by_start.get(start) or [dict(empty_row, **{first_group: start})])
        result.extend(rows_by_start.get(False, []) + rows_by_start.get(None, []))
        return result
