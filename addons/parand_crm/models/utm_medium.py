from odoo import models


class UtmMedium(models.Model):
    _name = "utm.medium"
    _inherit = ["utm.medium", "parand.translated.name.mixin"]

    def _parand_name_labels(self):
        return {
            "Postal Mail": self.env._("Postal Mail"),
            "Walk-in": self.env._("Walk-in"),
            "Publication": self.env._("Publication"),
        }
