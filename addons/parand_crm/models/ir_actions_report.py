# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.addons.parand_base.tools import report_text


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _render_template(self, template, values=None):
        """The figures a report marks (report_text.FIGURES_CLASS) in Persian digits for a
        user who reads Persian digits, on paper and in the HTML preview alike."""
        html = super()._render_template(template, values)
        if not self.env.user.persian_digits:
            return html
        return report_text.persian_figures_in(html.decode()).encode()
