from odoo import api, fields, models
from odoo.tools import frozendict

CALENDARS = [("gregorian", "Gregorian"), ("jalali", "Jalali (Solar Hijri)")]


class ResUsers(models.Model):
    _inherit = "res.users"

    date_calendar = fields.Selection(
        CALENDARS,
        string="Calendar",
        required=True,
        default=lambda self: self._default_date_calendar(),
        help="The calendar in which this user reads and types dates: in the web client, "
        "in reports and in mail.",
    )

    persian_digits = fields.Boolean(
        string="Persian Digits for Dates and Numbers",
        help="Write dates and numbers (integers, decimals, amounts) in the web client with "
        "Persian digits and separators: ۱۴۰۳/۰۵/۰۱, ۱۲٬۵۰۰٫۵. Typed numbers are read in "
        "Persian or Latin digits either way.")

    @api.model
    def _default_date_calendar(self):
        lang = self.env.context.get("lang") or self.env.lang or ""
        return "jalali" if lang.startswith("fa") else "gregorian"

    @api.model_create_multi
    def create(self, vals_list):
        # A new Persian-speaking user reads Jalali unless told otherwise.
        for vals in vals_list:
            if "date_calendar" not in vals and (vals.get("lang") or "").startswith("fa"):
                vals["date_calendar"] = "jalali"
        return super().create(vals_list)

    @api.model
    def context_get(self):
        # The web client sends this context with every call: read_group then groups a
        # Jalali reader's dates by Jalali month, quarter and year, titled in the digits the
        # user chose (models/base.py).
        user = self.env.user
        return frozendict(super().context_get(), date_calendar=user.date_calendar,
                          persian_digits=user.persian_digits)

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "date_calendar", "persian_digits"]

    @property
    def SELF_WRITEABLE_FIELDS(self):
        return [*super().SELF_WRITEABLE_FIELDS, "date_calendar", "persian_digits"]
