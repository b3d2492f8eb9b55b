from odoo import api, fields, models

SOURCE_GROUPS = [("internal", "Internal"), ("external", "External")]


class UtmSource(models.Model):
    _inherit = "utm.source"

    source_group = fields.Selection(
        SOURCE_GROUPS,
        help="Internal sources come from the organization's own contacts with customers "
        "(contact records, mail and email responses, website visits, referrals, inquiry "
        "calls, walk-in visits); external ones from outside data (industry reports, credit "
        "information, government statistics).")

    @api.depends("name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        """utm.source names are not translatable (they travel in utm_source URL
        parameters), so the sources of the source documents are shown translated here."""
        labels = self._parand_source_labels()
        for source in self:
            source.display_name = labels.get(source.name, source.name)

    def _parand_source_labels(self):
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
