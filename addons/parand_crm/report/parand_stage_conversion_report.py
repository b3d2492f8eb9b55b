from odoo import fields, models, tools
from odoo.tools import SQL


class ParandStageConversionReport(models.Model):
    """Stage-to-stage conversion of the pipeline, read from the stage history of leads.

    One row per lead and per stage the lead reached: a lead reached every stage of its
    team's pipeline up to the furthest one it has ever been in (its current stage or one
    in its tracked stage changes), so a skipped stage still counts as passed. The row's
    `conversion` is 100 when the lead went on past the stage and 0 when it stopped there:
    averaged over any grouping it is the conversion rate of that group, so pivot and graph
    views show rates per stage, team, salesperson and period (Jalali months for a Jalali
    reader, as any date group-by: see models/base.py).

    The view is made of `_with`, `_select`, `_from`, `_join` and `_where`, as Odoo's own
    report views, so that another module can add a column or a condition.
    """

    _name = "parand.stage.conversion.report"
    _description = "Pipeline Stage Conversion"
    _auto = False
    _rec_name = "stage_id"
    _order = "stage_sequence, stage_id"

    lead_id = fields.Many2one("crm.lead", readonly=True)
    stage_id = fields.Many2one("crm.stage", readonly=True)
    stage_sequence = fields.Integer(readonly=True, aggregator=False)
    team_id = fields.Many2one("crm.team", "Sales Team", readonly=True)
    user_id = fields.Many2one("res.users", "Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    create_date = fields.Datetime("Lead Created On", readonly=True)
    reached_count = fields.Integer("Leads Reached", readonly=True)
    advanced_count = fields.Integer("Leads Went On", readonly=True)
    conversion = fields.Float("Conversion Rate (%)", readonly=True, aggregator="avg")

    def _with(self):
        """The stages each lead has been in, and the furthest of them."""
        return SQL("""
            WITH stage_field AS (
                SELECT id FROM ir_model_fields WHERE model = 'crm.lead' AND name = 'stage_id'
            ), visited AS (
                SELECT lead.id AS lead_id, lead.stage_id
                  FROM crm_lead lead
                 WHERE lead.stage_id IS NOT NULL
                UNION
                SELECT message.res_id, unnest(ARRAY[value.old_value_integer,
                                                    value.new_value_integer])
                  FROM mail_tracking_value value
                  JOIN mail_message message ON message.id = value.mail_message_id
                 WHERE message.model = 'crm.lead'
                   AND value.field_id = (SELECT id FROM stage_field)
            ), furthest AS (
                SELECT visited.lead_id, max(stage.sequence) AS sequence
                  FROM visited
                  JOIN crm_stage stage ON stage.id = visited.stage_id
                 GROUP BY visited.lead_id
            )
        """)

    def _select(self):
        return SQL("""
            SELECT row_number() OVER (ORDER BY lead.id, stage.sequence, stage.id) AS id,
                   lead.id AS lead_id,
                   stage.id AS stage_id,
                   stage.sequence AS stage_sequence,
                   lead.team_id,
                   lead.user_id,
                   lead.company_id,
                   lead.create_date,
                   1 AS reached_count,
                   CASE WHEN furthest.sequence > stage.sequence THEN 1 ELSE 0 END
                       AS advanced_count,
                   CASE WHEN furthest.sequence > stage.sequence THEN 100.0 ELSE 0.0 END
                       AS conversion
        """)

    def _from(self):
        return SQL("FROM crm_lead lead")

    def _join(self):
        """Every stage of the lead's team up to the furthest it reached, won excluded."""
        return SQL("""
            JOIN furthest ON furthest.lead_id = lead.id
            JOIN crm_stage stage
              ON stage.sequence <= furthest.sequence
             AND NOT stage.is_won
             AND (stage.team_id IS NULL OR stage.team_id = lead.team_id)
        """)

    def _where(self):
        """Not the stages hidden for the lead's team (crm.stage.hidden_team_ids)."""
        return SQL("""
            WHERE NOT EXISTS (
                      SELECT 1 FROM crm_stage_hidden_team_rel hidden
                       WHERE hidden.stage_id = stage.id AND hidden.team_id = lead.team_id)
        """)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(
            "CREATE OR REPLACE VIEW %s AS (%s %s %s %s %s)", SQL.identifier(self._table),
            self._with(), self._select(), self._from(), self._join(), self._where()))
