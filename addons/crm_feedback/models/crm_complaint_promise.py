# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEVERITIES = [
    ("low", "Low"),
    ("medium", "Medium"),
    ("high", "High"),
    ("critical", "Critical"),
]


class CrmComplaintPromise(models.Model):
    """A service promise (ISO 10001): how fast complaints of a category and severity are
    acknowledged and answered, in working days of the company's calendar."""

    _name = "crm.complaint.promise"
    _description = "Complaint Service Promise"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one("crm.complaint.category", ondelete="cascade",
                                  help="Leave empty to apply to every category.")
    severity = fields.Selection(SEVERITIES, help="Leave empty to apply to every severity.")
    acknowledge_days = fields.Integer("Acknowledge Within (working days)", default=1,
                                      required=True)
    respond_days = fields.Integer("Respond Within (working days)", default=5, required=True)
    company_id = fields.Many2one("res.company", index=True,
                                 help="Leave empty to apply to every company.")

    @api.constrains("acknowledge_days", "respond_days")
    def _check_days(self):
        for promise in self:
            if promise.acknowledge_days < 1:
                raise ValidationError(self.env._(
                    "Acknowledge Within: the promise %(name)s needs at least one working day.",
                    name=promise.name))
            if promise.respond_days < promise.acknowledge_days:
                raise ValidationError(self.env._(
                    "Respond Within: the promise %(name)s cannot respond before it acknowledges.",
                    name=promise.name))

    def _match(self, category, severity, company):
        """The most specific promise of `self` for these values, or an empty recordset."""
        best, best_rank = self.browse(), -1
        for promise in self:
            if promise.category_id and promise.category_id != category:
                continue
            if promise.severity and promise.severity != severity:
                continue
            if promise.company_id and promise.company_id != company:
                continue
            rank = (4 if promise.category_id else 0) + (2 if promise.severity else 0) \
                + (1 if promise.company_id else 0)
            if rank > best_rank:
                best, best_rank = promise, rank
        return best
