# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmComplaint(models.Model):
    """Each complaint is explicit feedback on the ledger (channel complaint), so that it weighs
    on the customer's satisfaction score and churn risk."""

    _inherit = "crm.complaint"

    feedback_ids = fields.One2many("crm.feedback", "complaint_id", groups="base.group_user")

    def _sync_feedback(self):
        if not self:
            return True
        vals_list = [{
            "source_key": f"complaint:{complaint.id}",
            "complaint_id": complaint.id,
            "partner_id": complaint.partner_id.id,
            "lead_id": complaint.lead_id.id,
            "campaign_id": complaint.campaign_id.id,
            "user_id": complaint.user_id.id,
            "team_id": complaint.team_id.id,
            "company_id": complaint.company_id.id,
            "kind": "explicit",
            "channel": "complaint",
            "comment": f"{complaint.subject}\n{complaint.description or ''}".strip(),
            "date": complaint.date_received,
        } for complaint in self]
        # sudo: the ledger mirrors the complaint, which its handler may edit even when the
        # feedback rules (own customers) would hide the customer's feedback from them.
        self.env["crm.feedback"].sudo().with_context(feedback_no_followup=True)._upsert(vals_list)
        return True
