from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class CrmMarketingList(models.Model):
    """A target list of companies, persons and leads for marketing work.

    Static lists hold the entries added by hand or imported; dynamic lists are refreshed
    from a domain per entry type. Either way the entries a campaign gets leave out the
    suppressed ones (blacklisted or opted-out emails, the list's suppression contacts) and
    count a person once: a lead made from a contact of the list is not a second entry.
    """

    _name = "crm.marketing.list"
    _description = "Marketing List"
    _inherit = ["mail.thread"]
    _order = "name, id"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company,
                                 index=True)
    list_type = fields.Selection(
        [("static", "Static"), ("dynamic", "Dynamic")], "Type", required=True,
        default="static", tracking=True,
        help="Static: entries added by hand or imported. Dynamic: entries found by the "
             "domains below, refreshed on demand and every night.")
    partner_ids = fields.Many2many("res.partner", string="Companies and Persons")
    lead_ids = fields.Many2many("crm.lead", string="Leads")
    company_domain = fields.Char(default="[]", help="Companies of a dynamic list.")
    person_domain = fields.Char(default="[]", help="Persons of a dynamic list.")
    lead_domain = fields.Char(default="[]", help="Leads of a dynamic list.")
    use_companies = fields.Boolean("Include Companies", default=True)
    use_persons = fields.Boolean("Include Persons", default=True)
    use_leads = fields.Boolean("Include Leads", default=True)
    suppressed_partner_ids = fields.Many2many(
        "res.partner", "crm_marketing_list_suppressed_rel", "list_id", "partner_id",
        string="Suppression List", help="Contacts never to be targeted through this list.")
    last_refresh = fields.Datetime(readonly=True)
    company_count = fields.Integer(compute="_compute_counts")
    person_count = fields.Integer(compute="_compute_counts")
    entry_lead_count = fields.Integer("Lead Count", compute="_compute_counts")
    suppressed_count = fields.Integer("Suppressed", compute="_compute_counts")

    @api.depends("partner_ids", "lead_ids", "suppressed_partner_ids")
    def _compute_counts(self):
        for mlist in self:
            partners, leads = mlist._get_entries()
            mlist.company_count = len(partners.filtered("is_company"))
            mlist.person_count = len(partners) - mlist.company_count
            mlist.entry_lead_count = len(leads)
            mlist.suppressed_count = (len(mlist.partner_ids) + len(mlist.lead_ids)
                                      - len(partners) - len(leads))

    @api.constrains("company_domain", "person_domain", "lead_domain")
    def _check_domains(self):
        labels = {"company_domain": self.env._("Company Domain"),
                  "person_domain": self.env._("Person Domain"),
                  "lead_domain": self.env._("Lead Domain")}
        for mlist in self:
            for fname, model in (("company_domain", "res.partner"),
                                 ("person_domain", "res.partner"),
                                 ("lead_domain", "crm.lead")):
                try:
                    self.env[model].search_count(mlist._domain(fname), limit=1)
                # Any error of a user-written domain is reported as such.
                except Exception as exc:  # pylint: disable=broad-exception-caught
                    raise ValidationError(self.env._(
                        "%(field)s of list %(list)s is not a valid filter: %(reason)s",
                        field=labels[fname], list=mlist.name, reason=exc)) from exc

    def _domain(self, fname):
        return literal_eval(self[fname] or "[]")

    def _get_entries(self):
        """(contacts, leads) this list targets, suppression and de-duplication applied."""
        self.ensure_one()
        partners = self.partner_ids
        if not self.use_companies:
            partners = partners.filtered(lambda p: not p.is_company)
        if not self.use_persons:
            partners = partners.filtered("is_company")
        leads = self.lead_ids if self.use_leads else self.env["crm.lead"]
        suppressed = self.suppressed_partner_ids
        partners = partners.filtered(lambda p: p not in suppressed and not p.is_blacklisted)
        # A lead whose contact is on the list, or suppressed, is that contact again.
        leads = leads.filtered(lambda lead: not lead.is_blacklisted
                               and lead.partner_id not in partners
                               and lead.partner_id not in suppressed)
        return partners, leads

    def action_refresh(self):
        """Replace the entries of dynamic lists by what their domains find now."""
        for mlist in self.filtered(lambda ml: ml.list_type == "dynamic"):
            Partner = self.env["res.partner"]
            partners = Partner
            if mlist.use_companies:
                partners |= Partner.search(expression.AND([
                    [("is_company", "=", True)], mlist._domain("company_domain")]))
            if mlist.use_persons:
                partners |= Partner.search(expression.AND([
                    [("is_company", "=", False)], mlist._domain("person_domain")]))
            leads = (self.env["crm.lead"].search(mlist._domain("lead_domain"))
                     if mlist.use_leads else self.env["crm.lead"])
            mlist.write({"partner_ids": [(6, 0, partners.ids)], "lead_ids": [(6, 0, leads.ids)],
                         "last_refresh": fields.Datetime.now()})
        return True

    @api.model
    def _cron_refresh_dynamic_lists(self):
        self.search([("list_type", "=", "dynamic")]).action_refresh()
