from odoo import api, models


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _render_eval_context(self):
        """Mail templates can write dates in their recipient's calendar:
        `format_date_for_reader(object.date_deadline, object.partner_id)`."""
        context = super()._render_eval_context()
        context["format_date_for_reader"] = self.env["res.partner"]._format_date_for_reader_of
        return context
