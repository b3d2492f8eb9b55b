# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

# Activity categories and the feedback channel their outcome is recorded under.
CHANNEL_BY_CATEGORY = {"phonecall": "phone", "meeting": "meeting"}


class MailActivity(models.Model):
    """Completing an activity with an outcome on a lead or a customer is implicit feedback
    (contact history); completing a feedback follow-up closes the loop."""

    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        followups = self.filtered(lambda a: a.res_model == "crm.feedback")
        followed = self.env["crm.feedback"].browse(followups.mapped("res_id"))
        history = []
        if feedback:
            for activity in self.filtered(lambda a: a.res_model in ("crm.lead", "res.partner")):
                record = self.env[activity.res_model].browse(activity.res_id)
                partner = record.partner_id if activity.res_model == "crm.lead" else record
                if not partner:
                    continue
                history.append({
                    "source_key": f"activity:{activity.id}",
                    "partner_id": partner.id,
                    "lead_id": record.id if activity.res_model == "crm.lead" else False,
                    "user_id": activity.user_id.id,
                    "kind": "implicit",
                    "channel": CHANNEL_BY_CATEGORY.get(activity.activity_category, "activity"),
                    "comment": feedback,
                })
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if history:
            # sudo: the contact history is the customer's, whichever salesperson made it.
            self.env["crm.feedback"].sudo()._upsert(history)
        followed.sudo()._mark_followed_up()
        return result
