# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

# The records whose ratings are feedback about a customer.
RATED_MODELS = ("crm.lead", "res.partner")


class RatingRating(models.Model):
    """A customer's rating of a lead or of their account is explicit feedback (1-5)."""

    _inherit = "rating.rating"

    @api.model_create_multi
    def create(self, vals_list):
        ratings = super().create(vals_list)
        ratings._sync_feedback()
        return ratings

    def write(self, vals):
        result = super().write(vals)
        if {"rating", "feedback", "consumed"} & set(vals):
            self._sync_feedback()
        return result

    def _sync_feedback(self):
        vals_list = []
        for rating in self.filtered(lambda r: r.res_model in RATED_MODELS and r.consumed
                                    and r.rating >= 1):
            partner = rating.partner_id
            lead = self.env["crm.lead"]
            if rating.res_model == "crm.lead":
                lead = lead.browse(rating.res_id)
                partner = partner or lead.partner_id
            elif not partner:
                partner = self.env["res.partner"].browse(rating.res_id)
            if not partner:
                continue
            vals_list.append({
                "source_key": f"rating:{rating.id}",
                "rating_id": rating.id,
                "partner_id": partner.id,
                "lead_id": lead.id,
                "kind": "explicit",
                "channel": "rating",
                "score_type": "rating",
                "value": min(5, max(1, round(rating.rating))),
                "comment": rating.feedback or False,
                "date": rating.write_date or fields.Datetime.now(),
            })
        if vals_list:
            # sudo: ratings are given by customers (portal or token), not by staff.
            feedback = self.env["crm.feedback"].sudo()._upsert(vals_list)
            if not self.env.su:
                # A rating written by a user (every employee may write ratings, over RPC
                # too) makes feedback only about customers whose feedback they may write.
                feedback.with_env(self.env).check_access("write")
