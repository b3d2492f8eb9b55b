from odoo import models


class IrQweb(models.AbstractModel):
    _inherit = "ir.qweb"

    def _prepare_environment(self, values):
        """Reports can write dates in their reader's calendar:
        `format_date_for_reader(doc.date, doc.partner_id)`."""
        values.setdefault("format_date_for_reader",
                          self.env["res.partner"]._format_date_for_reader_of)
        return super()._prepare_environment(values)
