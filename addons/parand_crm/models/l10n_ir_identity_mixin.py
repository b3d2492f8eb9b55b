from odoo import api, fields, models
from odoo.addons.parand_base.tools import persian
from odoo.exceptions import ValidationError

from ..tools import validators

# Phone numbers written for Iran: +98 / 0098 / 98 before the number, or a leading 0.
IRAN_PREFIXES = ("+98", "0098")


class L10nIrIdentityMixin(models.AbstractModel):
    """Iranian identity numbers and Persian text, for contacts (res.partner) and leads.

    Values are normalized when written (Persian letters, ASCII digits, E.164 phones), so
    that one customer is one spelling; searches normalize the term the same way. Rows
    written before the module was installed are left as they are.
    """

    _name = "l10n.ir.identity.mixin"
    _description = "Iranian identity numbers and Persian text"

    # Text fields stored normalized (Persian letters, ASCII digits).
    _l10n_ir_text_fields = ()
    _l10n_ir_phone_fields = ("phone", "mobile")

    l10n_ir_national_code = fields.Char(
        "National Code", copy=False, index="btree_not_null",
        help="Iranian national code (کد ملی) of a person: 10 digits with a check digit.",
    )
    l10n_ir_national_id = fields.Char(
        "National ID", copy=False, index="btree_not_null",
        help="Iranian national ID (شناسه ملی) of a legal entity: 11 digits with a check digit.",
    )

    @api.constrains("l10n_ir_national_code")
    def _check_l10n_ir_national_code(self):
        self._l10n_ir_check_number("l10n_ir_national_code", validators.national_code_error)

    @api.constrains("l10n_ir_national_id")
    def _check_l10n_ir_national_id(self):
        self._l10n_ir_check_number("l10n_ir_national_id", validators.national_id_error)

    def _l10n_ir_check_number(self, field_name, error_of):
        """Raise on the first record whose `field_name` `error_of` finds a reason against."""
        for record in self.filtered(field_name):
            reason = error_of(record[field_name])
            if reason:
                raise ValidationError(self.env._(
                    "%(field)s %(value)s of %(name)s is not valid: %(reason)s.",
                    field=self._fields[field_name]._description_string(self.env),
                    value=record[field_name], name=record.display_name,
                    reason=self._l10n_ir_reason(reason)))

    def _l10n_ir_reason(self, reason):
        """The validators' reasons, translated."""
        reasons = {
            "a national code has 10 digits": self.env._("a national code has 10 digits"),
            "a national code cannot be ten identical digits":
                self.env._("a national code cannot be ten identical digits"),
            "a national ID has 11 digits": self.env._("a national ID has 11 digits"),
            "a national ID cannot be eleven identical digits":
                self.env._("a national ID cannot be eleven identical digits"),
            "the check digit does not match": self.env._("the check digit does not match"),
        }
        return reasons.get(reason, reason)

    # ------------------------------------------------------------------ normalization
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._l10n_ir_normalize_vals(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._l10n_ir_normalize_vals(vals)
        return super().write(vals)

    def _l10n_ir_normalize_vals(self, vals):
        if vals.get("l10n_ir_national_code"):
            vals["l10n_ir_national_code"] = validators.clean_national_code(
                vals["l10n_ir_national_code"]) or vals["l10n_ir_national_code"]
        if vals.get("l10n_ir_national_id"):
            vals["l10n_ir_national_id"] = validators.clean_national_id(
                vals["l10n_ir_national_id"]) or vals["l10n_ir_national_id"]
        for fname in self._l10n_ir_text_fields:
            if isinstance(vals.get(fname), str):
                vals[fname] = persian.normalize_search(vals[fname])
        for fname in self._l10n_ir_phone_fields:
            if isinstance(vals.get(fname), str) and vals[fname]:
                vals[fname] = self._l10n_ir_format_phone(vals[fname], vals.get("country_id"))

    def _l10n_ir_format_phone(self, number, country_id=None):
        """An Iranian number in E.164 (+989121234567); any other number as typed.

        A number is Iranian when it says so (+98, 0098) or starts with 0 for a contact in
        Iran (its country, or the company's when it has none).
        """
        digits = persian.normalize_digits(number).strip()
        compact = "".join(ch for ch in digits if ch.isdigit() or ch == "+")
        # From the cached xmlid: env.ref() checks that it exists with a query, once per
        # record of an import.
        iran = self.env["res.country"].browse(
            self.env["ir.model.data"]._xmlid_to_res_id("base.ir", raise_if_not_found=False))
        if not iran:
            return digits
        if compact.startswith(IRAN_PREFIXES):
            local = compact.removeprefix("+98").removeprefix("0098")
        elif compact.startswith("0") and not compact.startswith("00"):
            country = country_id or (len(self) == 1 and self._l10n_ir_country().id)
            if (country or self.env.company.country_id.id) != iran.id:
                return digits
            local = compact[1:]
        else:
            return digits
        formatted = self._phone_format_number("+98" + local.lstrip("0"), iran, "E164")
        return formatted or digits

    def _l10n_ir_country(self):
        return self["country_id"] if "country_id" in self._fields else self.env["res.country"]

    # ------------------------------------------------------------------------ search
    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        return super()._search(self._l10n_ir_normalize_domain(domain), offset=offset,
                               limit=limit, order=order)

    @api.model
    def _l10n_ir_normalize_domain(self, domain):
        """Search terms as values are stored: «علي ۱۲» finds «علی 12»."""
        searchable = {*self._l10n_ir_text_fields, "display_name", "complete_name",
                      "l10n_ir_national_code", "l10n_ir_national_id"}

        def normalize_leaf(leaf):
            if (isinstance(leaf, (list, tuple)) and len(leaf) == 3
                    and isinstance(leaf[0], str) and leaf[0] in searchable
                    and isinstance(leaf[2], str) and leaf[2]):
                return (leaf[0], leaf[1], persian.normalize_search(leaf[2]))
            return leaf

        return [normalize_leaf(leaf) for leaf in domain or []]
