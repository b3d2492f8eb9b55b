from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        # The web client reads and writes dates in the user's calendar (static/src/core).
        result = super().session_info()
        if self.env.user._is_internal():
            result["parand_date_calendar"] = self.env.user.date_calendar
            result["parand_persian_digits"] = self.env.user.persian_digits
        return result
