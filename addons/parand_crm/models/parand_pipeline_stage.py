from odoo import fields, models


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
        """crm.stage records for this template, with their Persian names copied along."""
        stages = self.env["crm.stage"].create(self._stage_values(team))
        for lang, _name in self.env["res.lang"].get_installed():
            if lang == "en_US":
                continue
            for template, stage in zip(self.with_context(lang=lang), stages, strict=True):
                stage.with_context(lang=lang).write({"name": template.name,
                                                     "requirements": template.requirements})
        return stages
