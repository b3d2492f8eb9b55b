import base64
import time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools import list_import

try:  # parand_crm's national code check, when the addon (and its field) is there.
    from odoo.addons.parand_crm.tools.validators import national_code_error
except ImportError:  # pragma: no cover - parand_crm is not installed everywhere
    national_code_error = None

# Seconds of import work done in a user's request; the cron does the rest.
INTERACTIVE_SECONDS = 20

STATES = [("draft", "Draft"), ("running", "In Progress"), ("done", "Done")]


class CrmMarketingListImport(models.Model):
    """An import of a CSV or XLSX file of contacts into a static marketing list.

    A stored job rather than a transient wizard: a big file is processed in batches, each
    committed on its own, and `done_rows` says where to go on after a crash (the cron
    resumes the imports left in progress). Rows are checked by tools.list_import; the good
    ones are matched with existing contacts by email or phone, the others created, and all
    added to the list; every rejected row is kept with its number and reason.
    """

    _name = "crm.marketing.list.import"
    _description = "Marketing List Import"
    _order = "id desc"

    list_id = fields.Many2one("crm.marketing.list", "Marketing List", required=True,
                              ondelete="cascade", index=True)
    company_id = fields.Many2one(related="list_id.company_id", store=True, index=True)
    file = fields.Binary(required=True, attachment=True)
    filename = fields.Char()
    state = fields.Selection(STATES, default="draft", required=True, readonly=True)
    batch_size = fields.Integer(default=2000, required=True,
                                help="Rows imported and committed together.")
    total_rows = fields.Integer(readonly=True)
    done_rows = fields.Integer("Rows Processed", readonly=True)
    progress = fields.Float(compute="_compute_progress")
    created_count = fields.Integer("New Contacts", readonly=True)
    matched_count = fields.Integer("Existing Contacts", readonly=True)
    rejected_count = fields.Integer("Rejected", readonly=True)
    rejection_ids = fields.One2many("crm.marketing.list.import.rejection", "import_id",
                                    "Rejected Rows", readonly=True)

    @api.depends("done_rows", "total_rows")
    def _compute_progress(self):
        for job in self:
            job.progress = 100.0 * job.done_rows / job.total_rows if job.total_rows else 0.0

    @api.constrains("batch_size")
    def _check_batch_size(self):
        if any(job.batch_size < 1 for job in self):
            raise ValidationError(self.env._("Batch Size: import at least one row per batch."))

    # -------------------------------------------------------------------- actions
    def action_start(self):
        """Check the file, then import it batch by batch: for some seconds in the request,
        then in the cron, which also goes on after an interruption."""
        for job in self.filtered(lambda j: j.state == "draft"):
            if job.list_id.list_type != "static":
                raise UserError(self.env._(
                    "Marketing List: %(list)s is dynamic; import into a static list.",
                    list=job.list_id.name))
            rows = job._check_file()
            job.write({"state": "running", "total_rows": len(rows), "done_rows": 0})
        self._process(commit=True, seconds=INTERACTIVE_SECONDS)
        return self._reopen()

    def action_resume(self):
        self.filtered(lambda j: j.state == "running")._process(
            commit=True, seconds=INTERACTIVE_SECONDS)
        return self._reopen()

    def action_download_rejections(self):
        self.ensure_one()
        lines = [(self.env._("Row"), self.env._("Name"), self.env._("Contact"),
                  self.env._("Reason"))]
        lines += [(r.row, r.name or "", r.contact or "", r.reason)
                  for r in self.rejection_ids.sorted("row")]
        attachment = self.env["ir.attachment"].create({
            "name": f"{(self.filename or 'import').rsplit('.', 1)[0]}-rejected.csv",
            "raw": list_import.rejections_csv(lines),
            "mimetype": "text/csv",
            "res_model": self._name,
            "res_id": self.id,
        })
        return {"type": "ir.actions.act_url", "target": "download",
                "url": f"/web/content/{attachment.id}?download=true"}

    def _reopen(self):
        if len(self) != 1:
            return True
        return {"type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
                "view_mode": "form", "target": "new"}

    @api.model
    def _cron_process_imports(self):
        """Resume the imports left in progress (interrupted, or started by a user who left)."""
        self.search([("state", "=", "running")])._process(commit=True)

    # ------------------------------------------------------------------ processing
    def _check_file(self):
        """The rows of the file, checked; a UserError names the file when it is unusable."""
        self.ensure_one()
        checker = national_code_error \
            if "l10n_ir_national_code" in self.env["res.partner"]._fields else None
        try:
            rows = list_import.read_rows(base64.b64decode(self.file or b""), self.filename)
            return list_import.check_rows(rows, checker)
        except list_import.ImportFileError as exc:
            raise UserError(self.env._("File %(file)s cannot be imported: %(reason)s.",
                                       file=self.filename or "", reason=self._reason(exc))) from exc

    def _reason(self, exc):
        # The tools' reasons, translated here where the translation context is.
        reasons = {
            "the file is empty": self.env._("the file is empty"),
            "only CSV and XLSX files can be imported":
                self.env._("only CSV and XLSX files can be imported"),
            "a CSV file must be encoded in UTF-8":
                self.env._("a CSV file must be encoded in UTF-8"),
            "the file is not a valid XLSX spreadsheet":
                self.env._("the file is not a valid XLSX spreadsheet"),
        }
        return reasons.get(str(exc), self.env._(
            "the first row must name the columns: a name column (name or نام) and an email "
            "(email or ایمیل) or phone column (phone, mobile, تلفن or موبایل)"))

    def _process(self, commit=False, seconds=None):
        """Import the remaining rows of the jobs, batch by batch; with `seconds`, stop after
        the batch that exceeds them and let the cron go on."""
        # Tests run in one transaction that must not be committed.
        commit = commit and not self.env.context.get("list_import_no_commit")
        deadline = time.monotonic() + seconds if seconds is not None else None
        for job in self:
            rows = job._check_file()
            while job.done_rows < len(rows):
                batch = rows[job.done_rows:job.done_rows + job.batch_size]
                job._import_batch(batch)
                job.done_rows += len(batch)
                if commit:
                    # One transaction per batch: a crash loses the current batch only, and
                    # done_rows says where to resume.
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                if deadline is not None and time.monotonic() >= deadline \
                        and job.done_rows < len(rows):
                    self.env.ref("crm_campaigns.ir_cron_process_list_imports")._trigger()
                    return
            job.state = "done"
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit

    def _import_batch(self, batch):
        """Import the good rows of `batch`, record the others: a fixed number of queries."""
        self.ensure_one()
        rejections = []
        good = []
        for line in batch:
            if line["error"]:
                rejections.append((line, self._error_text(line["error"], line["error_arg"])))
            else:
                good.append(line)
        partners = self._match_partners(good)
        # sudo: the blacklist is read to respect opt-outs, whoever imports.
        blacklisted = set(self.env["mail.blacklist"].sudo().search(
            [("email", "in", [line["values"]["email"] for line in good
                              if line["values"]["email"]])]).mapped("email"))
        mlist = self.list_id
        in_list = set(mlist.partner_ids.ids)
        suppressed = set(mlist.suppressed_partner_ids.ids)
        to_create, to_add, seen_partners = [], [], set()
        for line in good:
            partner = partners.get(line["row"])
            if line["values"]["email"] in blacklisted or (
                    partner and (partner.id in suppressed or partner.is_blacklisted)):
                rejections.append((line, self.env._("suppressed: opted out or on the "
                                                    "list's suppression list")))
            elif partner and (partner.id in in_list or partner.id in seen_partners):
                rejections.append((line, self.env._("already in the list: %(contact)s",
                                                    contact=partner.display_name)))
            elif partner:
                seen_partners.add(partner.id)
                to_add.append(partner.id)
            else:
                to_create.append(line)
        companies = self._companies([line["values"]["company"] for line in to_create])
        new_partners = self.env["res.partner"].create([
            self._partner_vals(line["values"], companies) for line in to_create])
        to_add += new_partners.ids
        if to_add:
            mlist.write({"partner_ids": [fields.Command.link(pid) for pid in to_add]})
        self.env["crm.marketing.list.import.rejection"].create([
            {"import_id": self.id, "row": line["row"], "name": line["values"]["name"],
             "contact": line["values"]["email"] or line["values"]["phone"], "reason": reason}
            for line, reason in rejections])
        self.write({"created_count": self.created_count + len(new_partners),
                    "matched_count": self.matched_count + len(to_add) - len(new_partners),
                    "rejected_count": self.rejected_count + len(rejections)})

    def _error_text(self, code, arg):
        texts = {
            list_import.MISSING_NAME: self.env._("missing name"),
            list_import.MISSING_CONTACT: self.env._("missing contact: give an email or a phone"),
            list_import.INVALID_EMAIL: self.env._("invalid email: %(value)s", value=arg),
            list_import.INVALID_PHONE: self.env._("invalid phone: %(value)s", value=arg),
            list_import.INVALID_NATIONAL_CODE:
                self.env._("invalid national code: %(value)s", value=arg),
            list_import.DUPLICATE: self.env._("duplicate of row %(row)s in the file", row=arg),
        }
        return texts[code]

    def _match_partners(self, lines):
        """{row: existing partner} by normalized email, then phone: two queries in all."""
        emails = list({line["values"]["email"] for line in lines if line["values"]["email"]})
        keys = list({line["phone_key"] for line in lines if line["phone_key"]})
        if not lines or not (emails or keys):
            return {}
        self.env["res.partner"].flush_model(["email", "phone", "mobile", "active"])
        self.env.cr.execute("""
            SELECT id, lower(trim(email)),
                   right(regexp_replace(coalesce(phone, ''), '\\D', '', 'g'), 10),
                   right(regexp_replace(coalesce(mobile, ''), '\\D', '', 'g'), 10)
              FROM res_partner
             WHERE active
               AND (lower(trim(email)) = ANY(%(emails)s)
                    OR right(regexp_replace(coalesce(phone, ''), '\\D', '', 'g'), 10)
                       = ANY(%(keys)s)
                    OR right(regexp_replace(coalesce(mobile, ''), '\\D', '', 'g'), 10)
                       = ANY(%(keys)s))
             ORDER BY id
        """, {"emails": emails, "keys": keys})
        found = self.env.cr.fetchall()
        # Only the contacts the user may read (record rules, companies) are matched.
        visible = set(self.env["res.partner"].search(
            [("id", "in", [row[0] for row in found])]).ids)
        by_email, by_phone = {}, {}
        for pid, email, phone, mobile in found:
            if pid not in visible:
                continue
            if email:
                by_email.setdefault(email, pid)
            for key in (phone, mobile):
                if key:
                    by_phone.setdefault(key, pid)
        Partner = self.env["res.partner"]
        matched = {}
        for line in lines:
            pid = by_email.get(line["values"]["email"]) or by_phone.get(line["phone_key"])
            if pid:
                matched[line["row"]] = Partner.browse(pid)
        return matched

    def _companies(self, names):
        """{name: company partner} for the company column: found by name or created."""
        names = {name for name in names if name}
        if not names:
            return {}
        Partner = self.env["res.partner"]
        found = {p.name: p for p in Partner.search(
            [("is_company", "=", True), ("name", "in", list(names))])}
        created = Partner.create([{"name": name, "is_company": True}
                                  for name in sorted(names - found.keys())])
        found.update({p.name: p for p in created})
        return found

    def _partner_vals(self, values, companies):
        vals = {"name": values["name"], "email": values["email"] or False,
                "phone": values["phone"] or False}
        if values["company"]:
            vals["parent_id"] = companies[values["company"]].id
        if values["national_code"]:
            vals["l10n_ir_national_code"] = values["national_code"]
        return vals
