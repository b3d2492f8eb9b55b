from odoo import api, models


class UtmMedium(models.Model):
    _inherit = "utm.medium"

    @api.depends("name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """utm.medium names are not translatable (they travel in utm_medium URL
        parameters), so the mediums this module adds are shown translated here."""
        labels = {
            "Postal Mail": self.env._("Postal Mail"),
            "Walk-in": self.env._("Walk-in"),
            "Publication": self.env._("Publication"),
        }
        for medium in self:
            medium.display_name = labels.get(medium.name, medium.name)
