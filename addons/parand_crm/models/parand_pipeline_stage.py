from odoo import api, fields, models


class ParandPipelineStage(models.Model):
    """A stage of the Persian pipeline template, from lead to won (no "lost" stage: lost
    stays Odoo's lost reason and archive). Applying the template copies these stages into
    a sales team's pipeline."""

    _name = "parand.pipeline.stage"
    _description = "Persian Pipeline Template Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    requirements = fields.Text(translate=True,
                               help="What must be true for a lead to leave this stage.")
    probability_hint = fields.Float("Probability Hint (%)",
                                    help="Usual chance of winning a lead in this stage.")
    is_won = fields.Boolean("Won Stage")
    fold = fields.Boolean("Folded in Pipeline")

    _sql_constraints = [
        ("probability_hint_range", "CHECK(probability_hint >= 0 AND probability_hint <= 100)",
         "The probability hint is a percentage between 0 and 100."),
    ]

    def _stage_values(self, team=False):
        return [{
            "name": stage.name, "sequence": stage.sequence, "is_won": stage.is_won,
            "fold": stage.fold, "requirements": stage.requirements,
            "probability_hint": stage.probability_hint, "team_id": team and team.id,
            "parand_template_stage_id": stage.id,
        } for stage in self]

    def _create_stages(self, team=False):
        """crm.stage records for this template, with every translation of their names.

        Requirements are plain text on crm.stage: they are copied in the language of the
        user who applies the template.
        """
        stages = self.env["crm.stage"].create(self._stage_values(team))
        self.env.flush_all()
        self.env.cr.execute("""
            UPDATE crm_stage stage SET name = template.name
              FROM parand_pipeline_stage template
             WHERE template.id = stage.parand_template_stage_id AND stage.id = ANY(%s)
        """, [stages.ids])
        stages.invalidate_recordset(["name"])
        return stages

    @api.model
    def _fill_stage_translations(self):
        """Give the stages copied from the template the languages they lack.

        Demo data applies the template before the module's translations are loaded; a
        language the copy has already (maybe renamed by the user) is kept.
        """
        self.env.flush_all()
        self.env.cr.execute("""
            UPDATE crm_stage stage SET name = template.name || stage.name
              FROM parand_pipeline_stage template
             WHERE template.id = stage.parand_template_stage_id
               AND NOT stage.name @> template.name
        """)
        self.env["crm.stage"].invalidate_model(["name"])
