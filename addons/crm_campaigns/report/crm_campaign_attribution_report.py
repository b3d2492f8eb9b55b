from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.crm_campaign_touch import source_touch_date_sql
from ..tools.attribution import ATTRIBUTION_MODELS, DEFAULT_MODEL
from ..tools.sql import won_lead_sql

MODEL_PARAM = "crm_campaigns.attribution_model"


class CrmCampaignAttributionReport(models.Model):
    """Won revenue attributed to campaigns: one row per won deal x campaign x attribution
    model, from the deal's touches up to the day it was won.

    The weights are those of tools/attribution.py (its ATTRIBUTION_MODELS are the VALUES
    below), computed in SQL with window functions
    over each deal's touches in date order.

    A deal is won on its closing date, or, when it has none (Odoo leaves it empty on a
    deal created directly in a won stage), on the day it entered its stage
    (tools.attribution.won_on). Its lead-source touch is dated when it entered the
    pipeline, read from the deal itself (tools.attribution.source_touch_date, as the
    touches are): never after it was won, so a deal imported as won, or created in a won
    stage, credits the campaign it came from, even if its touches were last rebuilt
    before its closing date changed.
    """

    _name = "crm.campaign.attribution.report"
    _description = "Campaign Revenue Attribution"
    _auto = False
    _order = "date_closed desc, lead_id, campaign_id"

    lead_id = fields.Many2one("crm.lead", "Opportunity", readonly=True)
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    attribution_model = fields.Selection(ATTRIBUTION_MODELS, readonly=True)
    is_configured_model = fields.Boolean(
        "Model of the Settings", readonly=True,
        help="The row uses the attribution model chosen in the CRM settings.")
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_closed = fields.Datetime("Won On", readonly=True)
    touch_count = fields.Integer("Touches", readonly=True,
                                 help="Touches of the campaign on the deal before it was won.")
    weight = fields.Float("Credit (%)", readonly=True, aggregator="avg",
                          help="Share of the deal's revenue credited to the campaign.")
    attributed_revenue = fields.Float(readonly=True)

    @api.model
    def _configured_model(self):
        # sudo: a setting every campaign reader's figures depend on.
        return self.env["ir.config_parameter"].sudo().get_param(MODEL_PARAM, DEFAULT_MODEL)

    def _with(self):
        """The won deals, their touches ranked in date order up to the win, and the
        weight of each touch by each attribution model."""
        return SQL("""
            won AS (
                SELECT dates.*, %(source_date)s AS source_date
                  FROM (
                      SELECT lead.id, lead.expected_revenue, lead.user_id, lead.team_id,
                             lead.company_id, lead.create_date, lead.date_open,
                             COALESCE(lead.date_closed, lead.date_last_stage_update)
                                 AS date_closed
                        FROM crm_lead lead JOIN crm_stage stage ON stage.id = lead.stage_id
                       WHERE %(won)s
                  ) dates
            ), ranked AS (
                SELECT dated.lead_id, dated.campaign_id,
                       row_number() OVER (PARTITION BY dated.lead_id
                                          ORDER BY dated.touch_date, dated.id) AS position,
                       count(*) OVER (PARTITION BY dated.lead_id) AS n
                  FROM (
                      SELECT touch.id, touch.lead_id, touch.campaign_id, won.date_closed,
                             CASE WHEN touch.touch_type = 'lead_source'
                                  THEN won.source_date
                                  ELSE touch.touch_date END AS touch_date
                        FROM crm_campaign_touch touch JOIN won ON won.id = touch.lead_id
                  ) dated
                 WHERE dated.date_closed IS NULL OR dated.touch_date <= dated.date_closed
            ), weighted AS (
                SELECT ranked.lead_id, ranked.campaign_id, model.key, model.index,
                       CASE model.key
                           WHEN 'first_touch' THEN
                               CASE WHEN position = 1 THEN 1.0 ELSE 0.0 END
                           WHEN 'last_touch' THEN
                               CASE WHEN position = n THEN 1.0 ELSE 0.0 END
                           WHEN 'linear' THEN 1.0 / n
                           ELSE CASE WHEN n = 1 THEN 1.0
                                     WHEN n = 2 THEN 0.5
                                     WHEN position IN (1, n) THEN 0.4
                                     ELSE 0.2 / (n - 2) END
                       END AS weight
                  FROM ranked CROSS JOIN (VALUES ('first_touch', 0), ('last_touch', 1),
                                               ('linear', 2), ('u_shaped', 3))
                                    AS model(key, index)
            )
        """, source_date=source_touch_date_sql("dates"), won=won_lead_sql("lead", "stage"))

    def _select(self):
        return SQL("""
            row_number() OVER (ORDER BY weighted.lead_id, weighted.campaign_id,
                               weighted.index) AS id,
            weighted.lead_id, weighted.campaign_id,
            weighted.key AS attribution_model,
            weighted.key = COALESCE(
                (SELECT value FROM ir_config_parameter WHERE key = %(param)s), %(default)s)
                AS is_configured_model,
            won.user_id, won.team_id, won.company_id, won.date_closed,
            count(*) AS touch_count,
            100 * sum(weighted.weight) AS weight,
            COALESCE(won.expected_revenue, 0) * sum(weighted.weight) AS attributed_revenue
        """, param=MODEL_PARAM, default=DEFAULT_MODEL)

    def _from(self):
        return SQL("weighted JOIN won ON won.id = weighted.lead_id")

    def _group_by(self):
        return SQL("""
            weighted.lead_id, weighted.campaign_id, weighted.key, weighted.index, won.id,
            won.user_id, won.team_id, won.company_id, won.date_closed, won.expected_revenue
        """)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            "CREATE OR REPLACE VIEW %s AS (WITH %s SELECT %s FROM %s GROUP BY %s)",
            SQL.identifier(self._table), self._with(), self._select(), self._from(),
            self._group_by()))
