from odoo import api, fields, models

from ..tools import list_import

SUPPRESSED = "suppressed"
ALREADY_IN_LIST = "already_in_list"


class CrmMarketingListImportRejection(models.Model):
    """A row of an imported file that was not imported, and why.

    The reason is stored as a code and its value (the invalid email, the row repeated) and
    written in the reader's language when read: the rows are checked by a cron, whose
    language is not the one of the person who reads them.
    """

    _name = "crm.marketing.list.import.rejection"
    _description = "Rejected Import Row"
    _order = "import_id, row"
    _rec_name = "row"

    import_id = fields.Many2one("crm.marketing.list.import", required=True, index=True,
                                ondelete="cascade")
    row = fields.Integer(required=True, help="Row number in the file; the header is row 1.")
    name = fields.Char()
    contact = fields.Char(help="Email or phone of the row.")
    reason_code = fields.Selection([
        (list_import.MISSING_NAME, "Missing name"),
        (list_import.MISSING_CONTACT, "Missing contact"),
        (list_import.INVALID_EMAIL, "Invalid email"),
        (list_import.INVALID_PHONE, "Invalid phone"),
        (list_import.INVALID_NATIONAL_CODE, "Invalid national code"),
        (list_import.DUPLICATE, "Duplicate in the file"),
        (SUPPRESSED, "Suppressed"),
        (ALREADY_IN_LIST, "Already in the list"),
    ])
    reason_value = fields.Char(help="What the reason names: the invalid value, the first row "
                                    "of a duplicate, the contact already in the list.")
    reason = fields.Char(string="Reason (as written)",
                         help="The reason as written by imports made before reasons were "
                              "stored as codes.")
    reason_text = fields.Char(string="Reason", compute="_compute_reason_text")

    @api.depends("reason_code", "reason_value", "reason")
    @api.depends_context("lang")
    def _compute_reason_text(self):
        for rejection in self:
            rejection.reason_text = rejection._reason_in_reader_language() or rejection.reason

    def _reason_in_reader_language(self):
        self.ensure_one()
        value = self.reason_value or ""
        texts = {
            list_import.MISSING_NAME: self.env._("missing name"),
            list_import.MISSING_CONTACT: self.env._("missing contact: give an email or a phone"),
            list_import.INVALID_EMAIL: self.env._("invalid email: %(value)s", value=value),
            list_import.INVALID_PHONE: self.env._("invalid phone: %(value)s", value=value),
            list_import.INVALID_NATIONAL_CODE:
                self.env._("invalid national code: %(value)s", value=value),
            list_import.DUPLICATE: self.env._("duplicate of row %(row)s in the file", row=value),
            SUPPRESSED: self.env._("suppressed: opted out or on the list's suppression list"),
            ALREADY_IN_LIST: self.env._("already in the list: %(contact)s", contact=value),
        }
        return texts.get(self.reason_code, "")
