from odoo import api, models
from odoo.addons.parand_base.tools import persian
from odoo.exceptions import ValidationError

from ..tools import validators


class L10nIrAddressMixin(models.AbstractModel):
    """Iranian postal codes on addresses (contacts and leads): 10 digits, stored as plain
    ASCII digits whatever digits and grouping they were typed with."""

    _name = "l10n.ir.address.mixin"
    _description = "Iranian postal addresses"

    @api.constrains("zip", "country_id")
    def _check_l10n_ir_zip(self):
        iran = self._l10n_ir_iran()
        for record in self.filtered(lambda r: r.zip and r.country_id == iran):
            reason = validators.postal_code_error(record.zip)
            if reason:
                raise ValidationError(self.env._(
                    "Postal Code %(value)s of %(name)s is not valid: %(reason)s.",
                    value=record.zip, name=record.display_name,
                    reason=self._l10n_ir_zip_reason(reason)))

    def _l10n_ir_iran(self):
        """Iran, from the cached xmlid: env.ref() would check that it exists with a query,
        once per record of an import."""
        return self.env["res.country"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("base.ir", raise_if_not_found=False))

    def _l10n_ir_zip_reason(self, reason):
        """The validators' reasons, translated."""
        reasons = {
            "an Iranian postal code has 10 digits":
                self.env._("an Iranian postal code has 10 digits"),
            "an Iranian postal code holds only digits":
                self.env._("an Iranian postal code holds only digits"),
        }
        return reasons.get(reason, reason)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._l10n_ir_clean_zip(vals, vals.get("country_id"))
        return super().create(vals_list)

    def write(self, vals):
        if "country_id" in vals:
            country_id = vals["country_id"]
        else:
            country_id = self.country_id.id if len(self.country_id) == 1 else False
        self._l10n_ir_clean_zip(vals, country_id)
        return super().write(vals)

    def _l10n_ir_clean_zip(self, vals, country_id):
        if not isinstance(vals.get("zip"), str):
            return
        iran = self._l10n_ir_iran()
        if iran and country_id == iran.id:
            vals["zip"] = validators.clean_postal_code(vals["zip"])
        else:
            vals["zip"] = persian.normalize_digits(vals["zip"])
