from odoo import fields, models

SOURCE_GROUPS = [("internal", "Internal"), ("external", "External")]


class UtmSource(models.Model):
    _name = "utm.source"
    _inherit = ["utm.source", "parand.translated.name.mixin"]

    source_group = fields.Selection(
        SOURCE_GROUPS,
        help="Internal sources come from the organization's own contacts with customers "
        "(contact records, mail and email responses, website visits, referrals, inquiry "
        "calls, walk-in visits); external ones from outside data (industry reports, credit "
        "information, government statistics).")

    def _parand_name_labels(self):
        return {
            "Contact Records": self.env._("Contact Records"),
            "Postal Mail Response": self.env._("Postal Mail Response"),
            "Email Response": self.env._("Email Response"),
            "Website Visit": self.env._("Website Visit"),
            "Referral": self.env._("Referral"),
            "Inquiry Call": self.env._("Inquiry Call"),
            "Walk-in Visit": self.env._("Walk-in Visit"),
            "Industry Reports": self.env._("Industry Reports"),
            "Credit Information": self.env._("Credit Information"),
            "Government Statistics": self.env._("Government Statistics"),
        }
