from datetime import datetime, timedelta

import pytz

from odoo import fields, models

from ..tools import jalali

# Jalali placeholders of sequence prefixes and suffixes, as Odoo's own %(year)s, %(month)s,
# %(day)s and %(y)s; each also as range_... (the start of the sequence's date range) and
# current_... (now), as Odoo offers them.
JALALI_PLACEHOLDERS = {
    "jalali_year": lambda day: f"{day.year:04d}",
    "jalali_month": lambda day: f"{day.month:02d}",
    "jalali_day": lambda day: f"{day.day:02d}",
    "jalali_y": lambda day: f"{day.year % 100:02d}",
}


def jalali_interpolation(effective, range_date, now):
    """{placeholder: text} of the Jalali placeholders for the dates Odoo interpolates
    (each a date or datetime, already in the reader's time zone)."""
    values = {}
    for prefix, value in (("", effective), ("range_", range_date), ("current_", now)):
        day = jalali.to_jalali(value.date() if isinstance(value, datetime) else value)
        for key, render in JALALI_PLACEHOLDERS.items():
            values[prefix + key] = render(day)
    return values


class IrSequence(models.Model):
    """Jalali numbering: %(jalali_year)s (1405), %(jalali_month)s (07), %(jalali_day)s and
    %(jalali_y)s (05) in a sequence's prefix or suffix, with their range_ and current_
    forms, dated as Odoo dates %(year)s: now in the time zone of the context (the user's),
    or the sequence date it is given. With subsequences per date range, the ranges of a
    sequence that numbers by the Jalali year are Jalali years (Farvardin 1st to Esfand's
    last day), so its numbers start again at each Nowruz."""

    _inherit = "ir.sequence"

    def _parand_uses_jalali(self):
        return any("jalali_" in (text or "") for text in (self.prefix, self.suffix))

    def _get_prefix_suffix(self, date=None, date_range=None):
        self.ensure_one()
        if not self._parand_uses_jalali():
            return super()._get_prefix_suffix(date=date, date_range=date_range)
        # The same dates as Odoo's own interpolation (ir.sequence._get_prefix_suffix).
        now = range_date = effective = datetime.now(
            pytz.timezone(self.env.context.get("tz") or "UTC"))
        if date or self.env.context.get("ir_sequence_date"):
            effective = fields.Datetime.from_string(
                date or self.env.context.get("ir_sequence_date"))
        if date_range or self.env.context.get("ir_sequence_date_range"):
            range_date = fields.Datetime.from_string(
                date_range or self.env.context.get("ir_sequence_date_range"))
        values = jalali_interpolation(effective, range_date, now)

        def substitute(text):
            for key, value in values.items():
                text = text.replace(f"%({key})s", value)
            return text

        # Odoo's interpolation of the rest (%(year)s...), on the text with the Jalali
        # placeholders already written.
        written = self.new({"name": self.name, "prefix": substitute(self.prefix or ""),
                            "suffix": substitute(self.suffix or "")})
        return super(IrSequence, written)._get_prefix_suffix(date=date, date_range=date_range)

    def _create_date_range_seq(self, date):
        if not self._parand_uses_jalali():
            return super()._create_date_range_seq(date)
        # The Jalali year holding the date, cut where other ranges of the sequence start
        # or end, as Odoo cuts its Gregorian years.
        day = fields.Date.to_date(date)
        year = jalali.to_jalali(day).year
        date_from = jalali.from_jalali(year, 1, 1)
        date_to = jalali.from_jalali(year + 1, 1, 1) - timedelta(days=1)
        Range = self.env["ir.sequence.date_range"]
        later = Range.search([("sequence_id", "=", self.id), ("date_from", ">=", day),
                              ("date_from", "<=", date_to)], order="date_from", limit=1)
        if later:
            date_to = later.date_from - timedelta(days=1)
        earlier = Range.search([("sequence_id", "=", self.id), ("date_to", ">=", date_from),
                                ("date_to", "<=", day)], order="date_to desc", limit=1)
        if earlier:
            date_from = earlier.date_to + timedelta(days=1)
        # sudo: as Odoo's own _create_date_range_seq, a range made for whoever numbers.
        return Range.sudo().create({"date_from": date_from, "date_to": date_to,
                                    "sequence_id": self.id})
