# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.tools import SQL


class CrmFeedbackScoring(models.AbstractModel):
    """Confirmed sale orders as the customer's purchases (recency, frequency, revenue)."""

    _inherit = "crm.feedback.scoring"

    @api.model
    def _transactions_query(self, partners=None):
        """Confirmed orders, and the won opportunities no confirmed order comes from (an
        opportunity and its order are one purchase, counted by the order)."""
        return SQL("""
            SELECT won.* FROM (%s) won
            WHERE NOT EXISTS (SELECT 1 FROM sale_order o
                              WHERE o.opportunity_id = won.lead_id AND o.state = 'sale')
            UNION ALL
            SELECT o.partner_id, o.date_order, o.amount_untaxed, o.opportunity_id
            FROM sale_order o WHERE o.state = 'sale' %s""",
            super()._transactions_query(partners),
            self._transactions_filter(SQL("o.partner_id"), partners))
