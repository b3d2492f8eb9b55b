# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class CrmComplaintRootCause(models.Model):
    """A cause found by the investigation; kept as a list so that recurring causes can be
    counted (ISO 10002 8.4: analysis of complaints to find systemic and recurring problems)."""

    _name = "crm.complaint.root.cause"
    _description = "Complaint Root Cause"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", index=True,
                                 help="Leave empty to share the root cause with every company.")
