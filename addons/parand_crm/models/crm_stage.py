from odoo import fields, models


class CrmStage(models.Model):
    _inherit = "crm.stage"

    probability_hint = fields.Float(
        "Probability Hint (%)",
        help="Usual chance of winning a lead in this stage, shown to salespeople.")
    parand_template_stage_id = fields.Many2one(
        "parand.pipeline.stage", "Template Stage", ondelete="set null", index="btree_not_null")
    hidden_team_ids = fields.Many2many(
        "crm.team", "crm_stage_hidden_team_rel", "stage_id", "team_id", "Hidden for Teams",
        help="Shared stages these teams no longer use, since their own pipeline replaced "
             "them.")
