from odoo import fields, models, tools


class ParandStageConversionReport(models.Model):
    """Stage-to-stage conversion of the pipeline, read from the stage history of leads.

    One row per lead and per stage the lead reached: a lead reached every stage of its
    team's pipeline up to the furthest one it has ever been in (its current stage or one
    in its tracked stage changes), so a skipped stage still counts as passed. The row's
    `conversion` is 100 when the lead went on past the stage and 0 when it stopped there:
    averaged over any grouping it is the conversion rate of that group, so pivot and graph
    views show rates per stage, team, salesperson and (Jalali) period.
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
    create_jalali_month = fields.Char("Created (Jalali Month)", readonly=True)
    create_jalali_quarter = fields.Char("Created (Jalali Quarter)", readonly=True)
    create_jalali_year = fields.Char("Created (Jalali Year)", readonly=True)
    reached_count = fields.Integer("Leads Reached", readonly=True)
    advanced_count = fields.Integer("Leads Went On", readonly=True)
    conversion = fields.Float("Conversion Rate (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(f"""
            CREATE OR REPLACE VIEW {self._table} AS (
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
            SELECT row_number() OVER (ORDER BY lead.id, stage.sequence, stage.id) AS id,
                   lead.id AS lead_id,
                   stage.id AS stage_id,
                   stage.sequence AS stage_sequence,
                   lead.team_id,
                   lead.user_id,
                   lead.company_id,
                   lead.create_date,
                   lead.create_jalali_month,
                   lead.create_jalali_quarter,
                   lead.create_jalali_year,
                   1 AS reached_count,
                   CASE WHEN furthest.sequence > stage.sequence THEN 1 ELSE 0 END
                       AS advanced_count,
                   CASE WHEN furthest.sequence > stage.sequence THEN 100.0 ELSE 0.0 END
                       AS conversion
              FROM crm_lead lead
              JOIN furthest ON furthest.lead_id = lead.id
              JOIN crm_stage stage
                ON stage.sequence <= furthest.sequence
               AND NOT stage.is_won
               AND (stage.team_id IS NULL OR stage.team_id = lead.team_id)
             WHERE NOT EXISTS (
                       SELECT 1 FROM crm_stage_hidden_team_rel hidden
                        WHERE hidden.stage_id = stage.id AND hidden.team_id = lead.team_id)
            )
        """)
