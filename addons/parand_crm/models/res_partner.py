import datetime

import pytz

from odoo import api, fields, models
from odoo.tools import format_date, format_datetime

from ..tools import jalali


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "l10n.ir.identity.mixin", "parand.jalali.period.mixin",
                "l10n.ir.address.mixin"]

    _l10n_ir_text_fields = ("name", "email")

    l10n_ir_duplicate_count = fields.Integer(
        "Same Iranian Identity", compute="_compute_l10n_ir_duplicate_count",
        help="Other contacts with the same national code or national ID.")

    @api.depends("l10n_ir_national_code", "l10n_ir_national_id")
    def _compute_l10n_ir_duplicate_count(self):
        counts = self._l10n_ir_duplicate_counts()
        for partner in self:
            partner.l10n_ir_duplicate_count = counts.get(partner.id, 0)

    def _l10n_ir_duplicate_counts(self):
        """{partner id: number of other partners sharing its code}, in one grouped query."""
        partners = self.filtered(lambda p: p.id and (p.l10n_ir_national_code
                                                     or p.l10n_ir_national_id))
        if not partners:
            return {}
        counts = {}
        for fname in ("l10n_ir_national_code", "l10n_ir_national_id"):
            values = set(partners.mapped(fname)) - {False}
            if not values:
                continue
            groups = dict(self.with_context(active_test=False)._read_group(
                [(fname, "in", list(values))], [fname], ["__count"]))
            for partner in partners:
                if partner[fname]:
                    counts[partner.id] = counts.get(partner.id, 0) + groups.get(
                        partner[fname], 1) - 1
        return counts

    def _l10n_ir_duplicates_domain(self):
        self.ensure_one()
        leaves = [(fname, "=", self[fname])
                  for fname in ("l10n_ir_national_code", "l10n_ir_national_id") if self[fname]]
        return ["&", ("id", "!=", self.id), *(["|"] * (len(leaves) - 1)), *leaves]

    def action_view_l10n_ir_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contacts with the same national code or ID"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": self._l10n_ir_duplicates_domain(),
            "context": {"active_test": False},
        }

    # ------------------------------------------------------------ reader's calendar
    # The calendar a contact reads dates in, for reports and mail sent to them.

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
