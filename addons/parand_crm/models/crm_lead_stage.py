from collections import defaultdict

from odoo import api, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    @api.model
    def _read_group_stage_ids(self, stages, domain):
        """A team whose pipeline came from the template no longer shows the shared stages
        it replaced."""
        columns = super()._read_group_stage_ids(stages, domain)
        team_id = self.env.context.get("default_team_id")
        if not team_id:
            return columns
        # A stage that still holds leads of the view stays, hidden or not.
        return columns.filtered(lambda stage: stage in stages
                                or team_id not in stage.sudo().hidden_team_ids.ids)

    @api.depends("team_id", "type")
    def _compute_stage_id(self):
        """Odoo's stage of a new lead, the first unfolded stage of its team, looked up once
        per team instead of once per lead: an import of thousands of leads into one team
        made as many identical searches."""
        by_team = defaultdict(list)
        for lead in self:
            if not lead.stage_id:
                by_team[lead.team_id].append(lead)
        for team_leads in by_team.values():
            leads = self.browse().concat(*team_leads)
            # _stage_find only reads the leads' team: the first lead stands for them all.
            leads.stage_id = leads[:1]._stage_find(domain=[("fold", "=", False)])

    def _stage_find(self, team_id=False, domain=None, order="sequence, id", limit=1):
        team_ids = {team_id} if team_id else set()
        team_ids |= set(self.team_id.ids)
        if team_ids:
            domain = [*(domain or []), ("hidden_team_ids", "not in", list(team_ids))]
        return super()._stage_find(team_id=team_id, domain=domain, order=order, limit=limit)
