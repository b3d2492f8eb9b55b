from odoo import api, fields, models
from odoo.exceptions import UserError


class ParandPipelineApply(models.TransientModel):
    """Apply the Persian pipeline to chosen teams, saying where their leads go."""

    _name = "parand.pipeline.apply"
    _description = "Apply the Persian Pipeline"

    team_ids = fields.Many2many("crm.team", string="Sales Teams", required=True)
    line_ids = fields.One2many("parand.pipeline.apply.line", "wizard_id", string="Stage Mapping",
                               compute="_compute_line_ids", store=True, readonly=False)

    @api.depends("team_ids")
    def _compute_line_ids(self):
        # The template is a handful of stages.
        template = self.env["parand.pipeline.stage"].search([])  # pylint: disable=no-search-all
        for wizard in self:
            # Shared stages too, even the Persian ones a new database starts with: the
            # team's own copy replaces them for that team.
            stages = self.env["crm.stage"].search(
                ["|", ("team_id", "=", False), ("team_id", "in", wizard.team_ids.ids)])
            wizard.line_ids = [(5, 0, 0)] + [
                (0, 0, {"old_stage_id": stage.id,
                        "template_stage_id": self._guess(stage, index, stages, template).id})
                for index, stage in enumerate(stages)]

    @api.model
    def _guess(self, stage, index, stages, template):
        """A Persian stage goes to its template stage, won to won; the others keep their
        relative place in the pipeline."""
        if stage.parand_template_stage_id in template:
            return stage.parand_template_stage_id
        if stage.is_won:
            return template.filtered("is_won")[:1] or template[-1:]
        open_template = template.filtered(lambda t: not t.is_won)
        open_stages = stages.filtered(lambda s: not s.is_won and not s.parand_template_stage_id)
        if not open_template or stage not in open_stages:
            return template[:1]
        position = list(open_stages).index(stage) / max(len(open_stages) - 1, 1)
        return open_template[round(position * (len(open_template) - 1))]

    @api.model
    def _apply_to_teams(self, team_ids):
        """Apply the template with the proposed stage mapping (demo data, scripts)."""
        return self.create({"team_ids": [(6, 0, team_ids)]}).action_apply()

    def action_apply(self):
        self.ensure_one()
        missing = self.line_ids.filtered(lambda line: not line.template_stage_id)
        if missing:
            raise UserError(self.env._("Stage Mapping: choose where the leads of %(stages)s go.",
                                       stages=", ".join(missing.old_stage_id.mapped("name"))))
        template = self.env["parand.pipeline.stage"].search([])  # pylint: disable=no-search-all
        if not template:
            raise UserError(self.env._("The Persian pipeline template has no stages."))
        applications = self.env["parand.pipeline.application"]
        mapping = {line.old_stage_id.id: line.template_stage_id for line in self.line_ids}
        for team in self.team_ids:
            if applications.search_count([("team_id", "=", team.id), ("state", "=", "applied")]):
                raise UserError(self.env._("The Persian pipeline is already applied to %(team)s.",
                                           team=team.display_name))
            stages = template._create_stages(team)
            new_stage_of = dict(zip(template.ids, stages, strict=True))
            old_stages = self.line_ids.old_stage_id.filtered(
                lambda stage, team=team: stage.team_id in (team, self.env["crm.team"]))
            leads = self.env["crm.lead"].with_context(active_test=False).search(
                [("team_id", "=", team.id), ("stage_id", "in", old_stages.ids)])
            application = applications.create({
                "team_id": team.id, "stage_ids": [(6, 0, stages.ids)],
                "hidden_stage_ids": [(6, 0, old_stages.ids)],
                "move_ids": [(0, 0, {"lead_id": lead.id, "old_stage_id": lead.stage_id.id,
                                     "new_stage_id": new_stage_of[
                                         mapping[lead.stage_id.id].id].id})
                             for lead in leads],
            })
            for move_group in self._group_moves(application.move_ids):
                new_stage, lead_ids = move_group
                self.env["crm.lead"].browse(lead_ids).write({"stage_id": new_stage.id})
            application.hidden_stage_ids.write({"hidden_team_ids": [(4, team.id)]})
            applications |= application
        return {
            "type": "ir.actions.act_window", "res_model": "parand.pipeline.application",
            "name": self.env._("Persian Pipeline Applied"), "view_mode": "list,form",
            "domain": [("id", "in", applications.ids)],
        }

    @api.model
    def _group_moves(self, moves):
        groups = {}
        for move in moves:
            groups.setdefault(move.new_stage_id, []).append(move.lead_id.id)
        return groups.items()


class ParandPipelineApplyLine(models.TransientModel):
    _name = "parand.pipeline.apply.line"
    _description = "Where the Leads of a Stage Go"

    wizard_id = fields.Many2one("parand.pipeline.apply", required=True, ondelete="cascade")
    old_stage_id = fields.Many2one("crm.stage", "Current Stage", required=True)
    template_stage_id = fields.Many2one("parand.pipeline.stage", "Persian Stage")
