import pytz
from psycopg2.extras import execute_values

from odoo import api, fields, models
from odoo.tools.sql import column_exists, create_column

from ..tools import jalali

# The Jalali period columns of leads: (field name, date field, period kind).
JALALI_PERIODS = [
    (f"{prefix}_jalali_{kind}", date_field, kind)
    for prefix, date_field in (("create", "create_date"), ("closed", "date_closed"),
                               ("deadline", "date_deadline"))
    for kind in ("month", "quarter", "year")
]
# Datetimes are read in Iran's time: a lead created at 22:00 UTC on the eve of Nowruz
# belongs to the new year for the people who group by it.
IRAN_TZ = pytz.timezone("Asia/Tehran")


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "parand.jalali.period.mixin"]

    create_jalali_month = fields.Char("Created (Jalali Month)", compute="_compute_jalali_periods",
                                      store=True)
    create_jalali_quarter = fields.Char("Created (Jalali Quarter)",
                                        compute="_compute_jalali_periods", store=True)
    create_jalali_year = fields.Char("Created (Jalali Year)", compute="_compute_jalali_periods",
                                     store=True)
    closed_jalali_month = fields.Char("Closed (Jalali Month)", compute="_compute_jalali_periods",
                                      store=True)
    closed_jalali_quarter = fields.Char("Closed (Jalali Quarter)",
                                        compute="_compute_jalali_periods", store=True)
    closed_jalali_year = fields.Char("Closed (Jalali Year)", compute="_compute_jalali_periods",
                                     store=True)
    deadline_jalali_month = fields.Char("Expected Closing (Jalali Month)",
                                        compute="_compute_jalali_periods", store=True)
    deadline_jalali_quarter = fields.Char("Expected Closing (Jalali Quarter)",
                                          compute="_compute_jalali_periods", store=True)
    deadline_jalali_year = fields.Char("Expected Closing (Jalali Year)",
                                       compute="_compute_jalali_periods", store=True)

    @api.depends("create_date", "date_closed", "date_deadline")
    def _compute_jalali_periods(self):
        # The leads of one import share their creation date and often their deadline:
        # each date is converted once.
        keys = {}
        for lead in self:
            values = {}
            for fname, date_field, kind in JALALI_PERIODS:
                value = lead[date_field]
                if (value, kind) not in keys:
                    keys[value, kind] = jalali.period_key(value, kind, IRAN_TZ)
                values[fname] = keys[value, kind]
            lead.update(values)

    def _auto_init(self):
        """Fill the Jalali columns of existing leads with plain SQL before Odoo sees them.

        Left to the ORM, the new stored fields would be recomputed through write(), which
        also stamps write_date on every lead an organization already has.
        """
        cr = self.env.cr
        missing = [fname for fname, _date, _kind in JALALI_PERIODS
                   if not column_exists(cr, "crm_lead", fname)]
        if missing and column_exists(cr, "crm_lead", "id"):
            for fname in missing:
                create_column(cr, "crm_lead", fname, "varchar")
            self._jalali_fill_columns()
        return super()._auto_init()

    @api.model
    def _jalali_fill_columns(self):
        """Set the Jalali period columns of every lead from its dates, set-based.

        For rows written outside the ORM (an install on existing data, a bulk import).
        """
        cr = self.env.cr
        cr.execute("SELECT id, create_date, date_closed, date_deadline FROM crm_lead")
        rows = [
            (lead_id, *(jalali.period_key(
                {"create_date": created, "date_closed": closed,
                 "date_deadline": deadline}[date_field], kind, IRAN_TZ) or None
                for _fname, date_field, kind in JALALI_PERIODS))
            for lead_id, created, closed, deadline in cr.fetchall()
        ]
        columns = [fname for fname, _date, _kind in JALALI_PERIODS]
        assignments = ", ".join(f"{name} = v.{name}" for name in columns)
        execute_values(
            cr._obj,
            # Column names come from JALALI_PERIODS above, never from input.
            f"UPDATE crm_lead SET {assignments} FROM (VALUES %s) "
            f"AS v(id, {', '.join(columns)}) WHERE crm_lead.id = v.id",
            rows, page_size=5000,
        )
