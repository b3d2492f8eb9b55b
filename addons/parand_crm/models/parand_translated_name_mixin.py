from odoo import api, models
from odoo.osv.expression import OR


class ParandTranslatedNameMixin(models.AbstractModel):
    """Records whose `name` is not translatable but is shown, and found, translated.

    utm sources and mediums keep English names: they travel in utm_* URL parameters. The
    records this module adds are shown in the reader's language and found by those names.
    """

    _name = "parand.translated.name.mixin"
    _description = "Names shown translated"

    def _parand_name_labels(self):
        """{stored name: translated label}."""
        return {}

    @api.depends("name")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = self._parand_name_labels()
        for record in self:
            record.display_name = labels.get(record.name, record.name)

    def _search_display_name(self, operator, value):
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "=", "=ilike") and isinstance(value, str) and value:
            term = value.casefold()
            names = [name for name, label in self._parand_name_labels().items()
                     if (term in label.casefold() if operator == "ilike"
                         else term == label.casefold())]
            if names:
                domain = OR([domain, [("name", "in", names)]])
        return domain
