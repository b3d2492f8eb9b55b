import datetime

import pytz

from odoo import fields, models

from ..tools import holidays_ir

# This year and the next two: the years deadlines are planned in.
HOLIDAY_YEARS_AHEAD = 2


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    # Translatable, so that the Iran calendar parand_crm ships reads in Persian for
    # Persian users (i18n/fa.po) and in English for the others.
    name = fields.Char(translate=True)

    def action_l10n_ir_load_holidays(self):
        """Iran's official holidays of this year and the next two, as global leaves of the
        calendar (whole days in Tehran time). A holiday already covered by a global leave
        of the calendar is skipped, so loading again creates nothing twice."""
        year = fields.Date.context_today(self).year
        created = self._l10n_ir_load_holidays(range(year, year + HOLIDAY_YEARS_AHEAD + 1))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("%(count)s holidays added.", count=len(created)),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _l10n_ir_load_holidays(self, years):
        """The global leaves created for Iran's holidays of `years` (missing ones only)."""
        language = "fa_IR" if (self.env.lang or "").startswith("fa") else "en_US"
        days = [(name, *holidays_ir.day_range_utc(day))
                for day, name in holidays_ir.iran_holidays(years, language)]
        if not days:
            return self.env["resource.calendar.leaves"]
        existing = self.env["resource.calendar.leaves"].search([
            ("calendar_id", "in", self.ids), ("resource_id", "=", False),
            ("date_from", "<=", max(end for _name, _start, end in days)),
            ("date_to", ">=", min(start for _name, start, _end in days)),
        ])
        vals_list = []
        for calendar in self:
            leaves = existing.filtered(lambda leave, c=calendar: leave.calendar_id == c)
            vals_list += [{
                "name": name,
                "calendar_id": calendar.id,
                "company_id": calendar.company_id.id,
                "date_from": start,
                "date_to": end,
                "time_type": "leave",
            } for name, start, end in days
                if not any(leave.date_from <= start and leave.date_to >= end
                           for leave in leaves)]
        return self.env["resource.calendar.leaves"].create(vals_list)

    def _next_working_day(self, day):
        """`day` when it is a working day of the calendar (weekends and global leaves
        excluded), else the first working day after it; `day` when none is found within
        a month."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "UTC")
        start = tz.localize(datetime.datetime.combine(day, datetime.time.min))
        intervals = self._work_intervals_batch(start, start + datetime.timedelta(days=31))
        for interval_start, _stop, _meta in intervals[False]:
            return interval_start.astimezone(tz).date()
        return day
