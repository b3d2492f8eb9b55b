import logging
import threading
from ast import literal_eval

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from ..tools.sql import lock_skip_locked

_logger = logging.getLogger(__name__)


def as_creator(record, company):
    """`record` in the hands of the user who created it, working in `company` only (the
    creator's own company when empty): what a cron does for that user is what the user
    could do, in that company. A UserError when the user can no longer work there."""
    user = record.create_uid
    company = company or user.company_id
    if user._is_superuser():
        # Made by the system (install, data files): the system goes on, in that company;
        # the callers filter by company explicitly.
        return record.sudo().with_context(allowed_company_ids=company.ids)
    if not user.active or company not in user.company_ids:
        raise UserError(record.env._(
            "%(user)s, who created it, can no longer work in %(company)s.",
            user=user.name, company=company.name))
    return record.with_user(user).with_context(allowed_company_ids=company.ids)


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

    def _company_domain(self):
        """The entries a list may hold: those of its company (of the user's allowed
        companies for a list of none) and those of no company, whatever the searching
        user may read elsewhere."""
        self.ensure_one()
        companies = self.company_id.ids or self.env.companies.ids
        return [("company_id", "in", [*companies, False])]

    def action_refresh(self):
        """Replace the entries of dynamic lists by what their domains find now."""
        for mlist in self.filtered(lambda ml: ml.list_type == "dynamic"):
            Partner = self.env["res.partner"]
            partners = Partner
            company = mlist._company_domain()
            if mlist.use_companies:
                partners |= Partner.search(expression.AND([
                    [("is_company", "=", True)], company, mlist._domain("company_domain")]))
            if mlist.use_persons:
                partners |= Partner.search(expression.AND([
                    [("is_company", "=", False)], company, mlist._domain("person_domain")]))
            leads = (self.env["crm.lead"].search(expression.AND([
                company, mlist._domain("lead_domain")]))
                if mlist.use_leads else self.env["crm.lead"])
            mlist.write({"partner_ids": [(6, 0, partners.ids)], "lead_ids": [(6, 0, leads.ids)],
                         "last_refresh": fields.Datetime.now()})
        return True

    @api.model
    def _cron_refresh_dynamic_lists(self):
        """Refresh every dynamic list as the user who created it, in the list's company:
        the nightly run finds what that user would, never another company's entries. A
        list that cannot be refreshed (its creator gone, a filter now refused) is left as
        it is and logged; the others go on.

        Outside tests each list is refreshed in a transaction of its own, holding its row:
        a second run at the same time (another cron worker, a manual run) skips the lists
        the first holds or has refreshed since it started.
        """
        commit = not getattr(threading.current_thread(), "testing", False)
        started = fields.Datetime.now()
        lists = self.search([("list_type", "=", "dynamic")])
        for done, mlist in enumerate(lists, 1):
            if commit:
                # The lock below is then the first statement of a transaction: it reads
                # the list as the other run last committed it.
                self.env.cr.commit()  # pylint: disable=invalid-commit
                if not mlist._lock_for_refresh(started):
                    continue
            try:
                with self.env.cr.savepoint():
                    as_creator(mlist, mlist.company_id).action_refresh()
            except (AccessError, UserError) as exc:
                _logger.warning("Dynamic marketing list %s (id %s) not refreshed: %s",
                                mlist.name, mlist.id, exc)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(lists) - done)
        if commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit
        return True

    def _lock_for_refresh(self, started):
        """The list, locked until the next commit, unless another run holds it or
        refreshed it since `started`; else an empty recordset."""
        self.ensure_one()
        rows = lock_skip_locked(self.env.cr, SQL("""
            SELECT id FROM crm_marketing_list
             WHERE id = %s AND (last_refresh IS NULL OR last_refresh < %s)
               FOR UPDATE SKIP LOCKED
        """, self.id, started))
        self.invalidate_recordset()
        return self.browse(row[0] for row in rows)
