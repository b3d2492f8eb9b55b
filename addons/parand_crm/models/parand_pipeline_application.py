from odoo import api, fields, models
from odoo.exceptions import UserError


class ParandPipelineApplication(models.Model):
    """The Persian pipeline applied to one sales team, kept so that it can be undone."""

    _name = "parand.pipeline.application"
    _description = "Persian Pipeline Applied to a Team"
    _order = "id desc"

    team_id = fields.Many2one("crm.team", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    state = fields.Selection([("applied", "Applied"), ("undone", "Undone")], default="applied",
                             required=True)
    stage_ids = fields.Many2many("crm.stage", string="Stages Created")
    hidden_stage_ids = fields.Many2many("crm.stage", "parand_pipeline_application_hidden_rel",
                                        "application_id", "stage_id", string="Stages Hidden")
    move_ids = fields.One2many("parand.pipeline.application.move", "application_id",
                               string="Leads Moved")

    @api.depends("team_id", "create_date")
    def _compute_display_name(self):
        # "Persian pipeline on Sales", not "parand.pipeline.application,1"
        for application in self:
            application.display_name = self.env._(
                "Persian pipeline on %(team)s", team=application.team_id.display_name or "")

    def action_undo(self):
        """Leads back to their old stages, the team's old stages back, the copies removed."""
        for application in self.filtered(lambda a: a.state == "applied"):
            moves = application.move_ids
            by_old_stage = {}
            for move in moves.filtered(lambda m: m.lead_id.stage_id == m.new_stage_id):
                by_old_stage.setdefault(move.old_stage_id, []).append(move.lead_id.id)
            for old_stage, lead_ids in by_old_stage.items():
                self.env["crm.lead"].browse(lead_ids).write({"stage_id": old_stage.id})
            remaining = self.env["crm.lead"].with_context(active_test=False).search_count(
                [("stage_id", "in", application.stage_ids.ids)])
            if remaining:
                raise UserError(self.env._(
                    "%(count)s leads were put in the Persian stages of %(team)s after the "
                    "template was applied: move them to another stage before undoing.",
                    count=remaining, team=application.team_id.display_name))
            application.hidden_stage_ids.write({"hidden_team_ids": [
                (3, application.team_id.id)]})
            application.stage_ids.unlink()
            application.state = "undone"
        return True


class ParandPipelineApplicationMove(models.Model):
    _name = "parand.pipeline.application.move"
    _description = "Lead Moved by the Persian Pipeline"
    _rec_name = "lead_id"

    application_id = fields.Many2one("parand.pipeline.application", required=True,
                                     ondelete="cascade", index=True)
    lead_id = fields.Many2one("crm.lead", required=True, ondelete="cascade")
    old_stage_id = fields.Many2one("crm.stage", required=True, ondelete="cascade")
    new_stage_id = fields.Many2one("crm.stage", required=True, ondelete="cascade")
