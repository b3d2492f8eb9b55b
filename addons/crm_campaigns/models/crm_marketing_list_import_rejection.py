from odoo import fields, models


class CrmMarketingListImportRejection(models.Model):
    """A row of an imported file that was not imported, and why."""

    _name = "crm.marketing.list.import.rejection"
    _description = "Rejected Import Row"
    _order = "import_id, row"

    import_id = fields.Many2one("crm.marketing.list.import", required=True, index=True,
                                ondelete="cascade")
    row = fields.Integer(required=True, help="Row number in the file; the header is row 1.")
    name = fields.Char()
    contact = fields.Char(help="Email or phone of the row.")
    reason = fields.Char(required=True)
