from collections import defaultdict

from odoo import api, fields, models

from ..tools import validators


class CrmLead(models.Model):
    _name = "crm.lead"
    _inherit = ["crm.lead", "l10n.ir.identity.mixin", "parand.jalali.period.mixin",
                "l10n.ir.address.mixin"]

    _l10n_ir_text_fields = ("name", "partner_name", "contact_name", "email_from")

    # Stored so that lead analysis can group and filter by it.
    source_group = fields.Selection(related="source_id.source_group", store=True)

    @api.depends("email_domain_criterion", "email_normalized", "partner_id", "phone_sanitized",
                 "l10n_ir_national_code", "l10n_ir_national_id")
    def _compute_potential_lead_duplicates(self):
        """Odoo's potential duplicates, and the leads with the same national code or ID."""
        result = super()._compute_potential_lead_duplicates()
        # As typed in the form too (Persian digits, spaces): the warning shows before saving.
        identities = {lead: lead._l10n_ir_clean_identity() for lead in self}
        codes = {values["l10n_ir_national_code"] for values in identities.values()} - {False}
        ids = {values["l10n_ir_national_id"] for values in identities.values()} - {False}
        if not codes and not ids:
            return result
        # One search for the whole batch, archived leads included, with the reader's
        # rights: a lead of a company the reader may not open is not shown, nor counted
        # (the count would tell that the national code is known there).
        same_identity = self.with_context(active_test=False).search_fetch(
            ["|", ("l10n_ir_national_code", "in", list(codes)),
             ("l10n_ir_national_id", "in", list(ids))],
            ["l10n_ir_national_code", "l10n_ir_national_id"])
        by_value = {}
        for other in same_identity:
            for fname in ("l10n_ir_national_code", "l10n_ir_national_id"):
                if other[fname]:
                    by_value.setdefault((fname, other[fname]), []).append(other.id)
        for lead, values in identities.items():
            found = {
                other_id
                for fname, value in values.items() if value
                for other_id in by_value.get((fname, value), [])
                if other_id != lead._origin.id
            }
            if found:
                lead.duplicate_lead_ids |= self.browse(sorted(found)[:21])
                # Odoo lists the lead itself among its duplicates; it does not count it.
                lead.duplicate_lead_count = len(lead.duplicate_lead_ids - lead)
        return result

    def _l10n_ir_clean_identity(self):
        code, national_id = self.l10n_ir_national_code, self.l10n_ir_national_id
        return {
            "l10n_ir_national_code": code and (validators.clean_national_code(code) or code),
            "l10n_ir_national_id": national_id and (
                validators.clean_national_id(national_id) or national_id),
        }

    def _l10n_ir_identity_domain(self):
        leaves = [(fname, "=", self[fname])
                  for fname in ("l10n_ir_national_code", "l10n_ir_national_id") if self[fname]]
        return [*(["|"] * (len(leaves) - 1)), *leaves]

    def _get_lead_duplicates(self, partner=None, email=None, include_lost=False):
        """Odoo's similar leads, and those with the same national code or national ID."""
        duplicates = super()._get_lead_duplicates(partner=partner, email=email,
                                                  include_lost=include_lost)
        domain = self._l10n_ir_identity_domain() if len(self) == 1 else []
        if not domain:
            return duplicates
        if not include_lost:
            domain += ["&", ("active", "=", True), "|", ("stage_id", "=", False),
                       ("stage_id.is_won", "=", False)]
        return duplicates | self.with_context(active_test=False).search(domain)

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        """The company gets the national ID, the person the national code."""
        values = super()._prepare_customer_values(partner_name, is_company=is_company,
                                                  parent_id=parent_id)
        if is_company:
            values["l10n_ir_national_id"] = self.l10n_ir_national_id
        else:
            values["l10n_ir_national_code"] = self.l10n_ir_national_code
        return values

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
