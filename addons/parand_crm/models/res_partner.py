from odoo import api, fields, models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "l10n.ir.identity.mixin", "parand.jalali.period.mixin"]

    _l10n_ir_text_fields = ("name", "email")

    l10n_ir_duplicate_count = fields.Integer(
        "Same Iranian Identity", compute="_compute_l10n_ir_duplicate_count",
        help="Other contacts with the same national code or national ID.")

    @api.depends("l10n_ir_national_code", "l10n_ir_national_id")
    def _compute_l10n_ir_duplicate_count(self):
        counts = self._l10n_ir_duplicate_counts()
        for partner in self:
            partner.l10n_ir_duplicate_count = counts.get(partner.id, 0)

    def _l10n_ir_duplicate_counts(self):
        """{partner id: number of other partners sharing its code}, in one grouped query."""
        partners = self.filtered(lambda p: p.id and (p.l10n_ir_national_code
                                                     or p.l10n_ir_national_id))
        if not partners:
            return {}
        counts = {}
        for fname in ("l10n_ir_national_code", "l10n_ir_national_id"):
            values = set(partners.mapped(fname)) - {False}
            if not values:
                continue
            groups = dict(self.with_context(active_test=False)._read_group(
                [(fname, "in", list(values))], [fname], ["__count"]))
            for partner in partners:
                if partner[fname]:
                    counts[partner.id] = counts.get(partner.id, 0) + groups.get(
                        partner[fname], 1) - 1
        return counts

    def _l10n_ir_duplicates_domain(self):
        self.ensure_one()
        leaves = [(fname, "=", self[fname])
                  for fname in ("l10n_ir_national_code", "l10n_ir_national_id") if self[fname]]
        return ["&", ("id", "!=", self.id), *(["|"] * (len(leaves) - 1)), *leaves]

    def action_view_l10n_ir_duplicates(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Contacts with the same national code or ID"),
            "res_model": "res.partner",
            "view_mode": "list,form",
            "domain": self._l10n_ir_duplicates_domain(),
            "context": {"active_test": False},
        }
