from odoo import fields, models, tools
from odoo.tools import SQL

from ..tools.sql import won_lead_sql


class CrmCampaignReport(models.Model):
    """Campaign analysis: one row per lead a campaign brought, for pivot and graph views.

    Revenue is in the lead's company currency, as in Odoo's own lead analysis.
    """

    _name = "crm.campaign.report"
    _description = "Campaign Analysis"
    _auto = False
    _order = "create_date desc"

    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    lead_id = fields.Many2one("crm.lead", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    create_date = fields.Datetime("Created On", readonly=True)
    date_closed = fields.Datetime("Closed On", readonly=True)
    lead_type = fields.Selection([("lead", "Lead"), ("opportunity", "Opportunity")],
                                 "Type", readonly=True)
    lead_count = fields.Integer("Leads", readonly=True)
    opportunity_count = fields.Integer("Opportunities", readonly=True)
    won_count = fields.Integer("Won", readonly=True)
    lost_count = fields.Integer("Lost", readonly=True)
    expected_revenue = fields.Float(readonly=True)
    won_revenue = fields.Float(readonly=True)

    def _select(self):
        return SQL("""
            lead.id, lead.campaign_id, lead.id AS lead_id, lead.user_id, lead.team_id,
            lead.company_id, lead.create_date, lead.date_closed, lead.type AS lead_type,
            1 AS lead_count,
            CASE WHEN lead.type = 'opportunity' THEN 1 ELSE 0 END AS opportunity_count,
            CASE WHEN %(won)s THEN 1 ELSE 0 END AS won_count,
            CASE WHEN NOT lead.active AND lead.probability = 0 THEN 1 ELSE 0 END
                AS lost_count,
            lead.expected_revenue,
            CASE WHEN %(won)s THEN lead.expected_revenue ELSE 0 END AS won_revenue
        """, won=won_lead_sql("lead", "stage"))

    def _from(self):
        return SQL("crm_lead lead LEFT JOIN crm_stage stage ON stage.id = lead.stage_id")

    def _where(self):
        return SQL("lead.campaign_id IS NOT NULL")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            "CREATE OR REPLACE VIEW %s AS (SELECT %s FROM %s WHERE %s)",
            SQL.identifier(self._table), self._select(), self._from(), self._where()))
