import datetime

import pytz

from odoo import api, models
from odoo.tools import format_date, format_datetime

from ..tools import jalali


class ResPartner(models.Model):
    """The calendar a contact reads dates in, for reports and mail sent to them."""

    _inherit = "res.partner"

    def _reader_calendar(self):
        """'jalali' or 'gregorian': the preference of the contact's user, or Jalali for a
        contact without a user who reads Persian: its language, or when it has none the
        language the mail or report is written in (the environment's), as the dates
        themselves are written in it."""
        self.ensure_one()
        # sudo: only the calendar preference of the contact's own user is read, so that a
        # report or mail rendered by anyone shows the reader's dates.
        user = self.sudo().user_ids[:1]
        if user:
            return user.date_calendar
        lang = self.lang or self.env.lang or ""
        return "jalali" if lang.startswith("fa") else "gregorian"

    def _format_date_for_reader(self, value):
        """A date or datetime (naive UTC) written as this contact reads it: Jalali for
        Jalali readers (Persian digits and month names for Persian readers), otherwise
        Odoo's format for the contact's language; datetimes in the contact's time zone."""
        if not value:
            return ""
        partner = self[:1] or self.env.user.partner_id
        lang = partner.lang or self.env.lang
        tz = partner.tz or self.env.user.tz or "UTC"
        if partner._reader_calendar() != "jalali":
            if isinstance(value, datetime.datetime):
                return format_datetime(self.env, value, tz=tz, dt_format="short",
                                       lang_code=lang)
            return format_date(self.env, value, lang_code=lang)
        persian = (lang or "").startswith("fa")
        fmt = "%d %B %Y" if persian else "%Y/%m/%d"
        if isinstance(value, datetime.datetime):
            value = pytz.utc.localize(value).astimezone(pytz.timezone(tz)).replace(tzinfo=None)
            fmt += "، %H:%M" if persian else " %H:%M"
        return jalali.format_date(value, fmt, digits="persian" if persian else "latin")

    @api.model
    def _format_date_for_reader_of(self, value, reader=None):
        """The helper templates call: `format_date_for_reader(value, reader)`, where the
        reader is a contact or a user (by default the user rendering the template)."""
        if reader is not None and reader._name == "res.users":
            reader = reader.partner_id
        return (reader or self.env.user.partner_id)._format_date_for_reader(value)
