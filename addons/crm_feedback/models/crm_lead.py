# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    feedback_ids = fields.One2many("crm.feedback", "lead_id")
    feedback_count = fields.Integer(compute="_compute_feedback_count")
    # Shown on the kanban card: how the account feels about us, without opening it.
    partner_satisfaction_score = fields.Float(
        related="partner_id.commercial_partner_id.satisfaction_score")
    partner_satisfaction_known = fields.Boolean(
        related="partner_id.commercial_partner_id.satisfaction_known")
    partner_rfm_segment = fields.Selection(
        related="partner_id.commercial_partner_id.rfm_segment")

    @api.depends("feedback_ids")
    def _compute_feedback_count(self):
        counts = dict(self.env["crm.feedback"]._read_group(
            [("lead_id", "in", self.ids)], ["lead_id"], ["__count"]))
        for lead in self:
            lead.feedback_count = counts.get(lead._origin, 0)

    def write(self, vals):
        result = super().write(vals)
        # Only losing and restoring change the lost-reason feedback: a stage change, the
        # pipeline's most frequent write, costs no query here.
        if {"lost_reason_id", "active"} & set(vals):
            self._sync_lost_feedback()
        return result

    def _sync_lost_feedback(self):
        """A lost opportunity's reason is implicit feedback; restoring it removes that."""
        Feedback = self.env["crm.feedback"].sudo()  # sudo: derived records follow the lead
        lost = self.filtered(lambda lead: not lead.active and lead.lost_reason_id
                             and lead.partner_id)
        Feedback.search([("source_key", "in", [f"lost:{lead.id}" for lead in self - lost])])\
            .unlink()
        if lost:
            Feedback._upsert([{
                "source_key": f"lost:{lead.id}",
                "partner_id": lead.partner_id.id,
                "lead_id": lead.id,
                "campaign_id": lead.campaign_id.id,
                "user_id": lead.user_id.id,
                "team_id": lead.team_id.id,
                "company_id": (lead.company_id or self.env.company).id,
                "kind": "implicit",
                "channel": "lost_reason",
                "comment": lead.lost_reason_id.name,
                "date": fields.Datetime.now(),
            } for lead in lost])

    def action_view_feedback(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("crm_feedback.crm_feedback_action")
        action["domain"] = [("lead_id", "=", self.id)]
        action["context"] = {"default_lead_id": self.id,
                             "default_partner_id": self.partner_id.id}
        return action

    def action_log_feedback(self):
        self.ensure_one()
        return self.env["crm.feedback.log"]._action_open(self.partner_id, self)

    def action_send_feedback_survey(self):
        self.ensure_one()
        return self.partner_id._action_send_feedback_survey(lead=self)
