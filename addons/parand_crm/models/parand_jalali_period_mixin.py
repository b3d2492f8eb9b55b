import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools import jalali

PERIOD_KINDS = ("month", "quarter", "year")


class ParandJalaliPeriodMixin(models.AbstractModel):
    """Search filters on Jalali periods: this or last Jalali month, quarter or year.

    A search view cannot compute Jalali boundaries in the browser, so a filter asks the
    server: ``[('jalali_period', '=', 'create_date:month:0')]`` means "create_date within
    the current Jalali month", ``...:quarter:-1`` the previous Jalali quarter. The range is
    computed when the search runs, in the user's time zone, as plain Gregorian bounds.
    """

    _name = "parand.jalali.period.mixin"
    _description = "Jalali period filters"

    jalali_period = fields.Char(
        compute="_compute_jalali_period", search="_search_jalali_period",
        help="Technical: searches a date field by Jalali month, quarter or year.")

    def _compute_jalali_period(self):
        self.jalali_period = False

    @api.model
    def _search_jalali_period(self, operator, value):
        if operator != "=" or not isinstance(value, str) or value.count(":") != 2:
            raise UserError(self.env._(
                "Jalali period filters take 'field:month|quarter|year:offset', not %(value)s.",
                value=value))
        fname, kind, offset = value.split(":")
        field = self._fields.get(fname)
        if not field or field.type not in ("date", "datetime") or kind not in PERIOD_KINDS:
            raise UserError(self.env._("%(value)s is not a Jalali period of a date field.",
                                       value=value))
        today = fields.Date.context_today(self)
        start, end = jalali.period_range(kind, jalali.shift_period(kind, today, int(offset)))
        end += datetime.timedelta(days=1)
        if field.type == "datetime":
            start, end = (self._jalali_local_midnight_utc(day) for day in (start, end))
        return [(fname, ">=", start), (fname, "<", end)]

    def _jalali_local_midnight_utc(self, day):
        """Midnight of `day` in the user's time zone, as the naive UTC Odoo stores."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "Asia/Tehran")
        local = tz.localize(datetime.datetime.combine(day, datetime.time.min))
        return local.astimezone(pytz.utc).replace(tzinfo=None)
