# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmComplaintCategory(models.Model):
    """What a complaint is about (ISO 10002 7.3: complaints are classified to be assessed)."""

    _name = "crm.complaint.category"
    _description = "Complaint Category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    company_id = fields.Many2one("res.company", index=True,
                                 help="Leave empty to share the category with every company.")
    complaint_count = fields.Integer(compute="_compute_complaint_count")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)",
         "A complaint category with this name already exists."),
    ]

    def _compute_complaint_count(self):
        counts = dict(self.env["crm.complaint"]._read_group(
            [("category_id", "in", self.ids)], ["category_id"], ["__count"]))
        for category in self:
            category.complaint_count = counts.get(category, 0)
