# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.crm_complaint import CHANNELS, STATES
from ..models.crm_complaint_promise import SEVERITIES


class CrmComplaintReport(models.Model):
    """Complaint measures for management review (ISO 10002 clause 8, ISO 10004).

    One row per complaint, read grouped: rates are averages of 0/100 columns, left NULL where
    they do not apply yet (e.g. "responded on time" of a complaint not answered), so that the
    average of a group is the percentage over the complaints it applies to.
    """

    _name = "crm.complaint.report"
    _description = "Complaint Analysis"
    _auto = False
    _rec_name = "complaint_id"
    _order = "date_received desc"

    complaint_id = fields.Many2one("crm.complaint", readonly=True)
    date_received = fields.Datetime("Received On", readonly=True)
    date_closed = fields.Datetime("Closed On", readonly=True)
    partner_id = fields.Many2one("res.partner", "Complainant", readonly=True)
    category_id = fields.Many2one("crm.complaint.category", readonly=True)
    severity = fields.Selection(SEVERITIES, readonly=True)
    channel = fields.Selection(CHANNELS, "Received Through", readonly=True)
    state = fields.Selection(STATES, "Status", readonly=True)
    product_id = fields.Many2one("product.product", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    user_id = fields.Many2one("res.users", "Responsible", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    root_cause_id = fields.Many2one("crm.complaint.root.cause", readonly=True)
    nbr = fields.Integer("# Complaints", readonly=True, aggregator="sum")
    hours_to_acknowledge = fields.Float("Hours to Acknowledge", readonly=True, aggregator="avg")
    hours_to_respond = fields.Float("Hours to Respond", readonly=True, aggregator="avg")
    acknowledged_on_time_rate = fields.Float("Acknowledged on Time (%)", readonly=True,
                                             aggregator="avg")
    responded_on_time_rate = fields.Float("Responded on Time (%)", readonly=True,
                                          aggregator="avg")
    reopen_rate = fields.Float("Reopened (%)", readonly=True, aggregator="avg")
    escalation_rate = fields.Float("Escalated (%)", readonly=True, aggregator="avg")
    reopen_count = fields.Integer("Reopenings", readonly=True, aggregator="sum")
    satisfaction_score = fields.Float("Satisfaction With Handling", readonly=True,
                                      aggregator="avg")

    def _select(self):
        return SQL("""
            c.id, c.id AS complaint_id, c.date_received, c.date_closed,
            c.partner_id, c.category_id, c.severity, c.channel, c.state,
            c.product_id, c.campaign_id, c.user_id, c.team_id, c.company_id,
            c.root_cause_id, 1 AS nbr,
            CASE WHEN c.date_acknowledged IS NOT NULL
                 THEN c.hours_to_acknowledge END AS hours_to_acknowledge,
            CASE WHEN c.date_responded IS NOT NULL
                 THEN c.hours_to_respond END AS hours_to_respond,
            CASE WHEN c.date_acknowledged IS NULL THEN NULL
                 WHEN c.acknowledged_on_time THEN 100.0 ELSE 0.0 END
                AS acknowledged_on_time_rate,
            CASE WHEN c.date_responded IS NULL THEN NULL
                 WHEN c.responded_on_time THEN 100.0 ELSE 0.0 END
                AS responded_on_time_rate,
            CASE WHEN c.reopen_count > 0 THEN 100.0 ELSE 0.0 END AS reopen_rate,
            CASE WHEN c.escalation_date IS NOT NULL THEN 100.0 ELSE 0.0 END
                AS escalation_rate,
            c.reopen_count,
            NULLIF(c.satisfaction_score, 0) AS satisfaction_score""")

    def _from(self):
        return SQL("crm_complaint c")

    def _where(self):
        """Every complaint: modules restricting the analysis override it."""
        return SQL("TRUE")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)",
            SQL.identifier(self._table), self._select(), self._from(), self._where()))
