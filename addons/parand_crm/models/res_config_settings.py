from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    l10n_ir_resource_calendar_id = fields.Many2one(
        related="company_id.resource_calendar_id", readonly=False)

    def action_l10n_ir_load_holidays(self):
        self.ensure_one()
        return self.company_id.resource_calendar_id.action_l10n_ir_load_holidays()
