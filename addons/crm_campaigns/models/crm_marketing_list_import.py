import base64
import gzip
import json
import logging
import time

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools import list_import
from ..tools.sql import lock_skip_locked
from .crm_marketing_list import as_creator
from .crm_marketing_list_import_rejection import ALREADY_IN_LIST, SUPPRESSED

_logger = logging.getLogger(__name__)

# Seconds of import work done in a user's request; the cron does the rest.
INTERACTIVE_SECONDS = 20

STATES = [("draft", "Draft"), ("running", "In Progress"), ("done", "Done"),
          ("failed", "Failed")]
# Limits of an imported file, unless the settings say otherwise.
DEFAULT_MAX_SIZE_MB = 20
DEFAULT_MAX_ROWS = 200000
# An XLSX is a zip archive: uncompressed, it may be this many times the file's size limit.
UNPACKED_RATIO = 10


class CrmMarketingListImport(models.Model):
    """An import of a CSV or XLSX file of contacts into a static marketing list.

    A stored job rather than a transient wizard: a big file is processed in batches, each
    committed on its own, and `done_rows` says where to go on after a crash (the cron
    resumes the imports left in progress). Rows are checked by tools.list_import; the good
    ones are matched with existing contacts by email or phone, the others created, and all
    added to the list; every rejected row is kept with its number and reason.

    The file is read and checked once, when the import starts, within the size and row
    limits of the settings; its checked rows are stored, so that a resumed import does not
    read the file again. The cron runs each job as the user who started it, in its list's
    company; a job that fails `_max_attempts` runs in a row is marked failed, with why.
    """

    _name = "crm.marketing.list.import"
    _description = "Marketing List Import"
    _order = "id desc"
    _max_attempts = 3

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
    parsed_rows = fields.Binary(
        "Checked Rows", attachment=True, readonly=True, copy=False,
        help="The file's rows as checked when the import started (compressed JSON): a "
             "resumed import goes on from them without reading the file again.")
    attempt_count = fields.Integer(
        "Failed Attempts", readonly=True, copy=False,
        help="Scheduled runs in a row that failed; the import is stopped after a few.")
    error_message = fields.Text("Error", readonly=True, copy=False)

    @api.depends("list_id", "filename")
    def _compute_display_name(self):
        # "visitors.csv → Fair visitors", not "crm.marketing.list.import,1"
        for job in self:
            job.display_name = self.env._(
                "%(file)s into %(list)s", file=job.filename or self.env._("Import"),
                list=job.list_id.display_name or "")

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
            job._prepare()
        self._process(commit=True, seconds=INTERACTIVE_SECONDS)
        return self._reopen()

    def _prepare(self):
        """Check the file and keep its rows: the job is then running, its rows to import."""
        self.ensure_one()
        rows = self._check_file()
        self.write({"state": "running", "total_rows": len(rows), "done_rows": 0,
                    "attempt_count": 0, "error_message": False,
                    "parsed_rows": base64.b64encode(gzip.compress(
                        json.dumps(rows, ensure_ascii=False).encode()))})

    def action_resume(self):
        """Go on with an import in progress, or try a failed one again (its failed
        attempts start again from 0)."""
        failed = self.filtered(lambda j: j.state == "failed")
        failed.write({"state": "running", "attempt_count": 0})
        self.filtered(lambda j: j.state == "running")._process(
            commit=True, seconds=INTERACTIVE_SECONDS)
        return self._reopen()

    def action_download_rejections(self):
        self.ensure_one()
        lines = [(self.env._("Row"), self.env._("Name"), self.env._("Contact"),
                  self.env._("Reason"))]
        lines += [(r.row, r.name or "", r.contact or "", r.reason_text)
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
        """Resume the imports left in progress (interrupted, or started by a user who left),
        each as the user who started it, in its list's company. A job that fails does not
        stop the others; a job another run holds (another cron worker, a user's Resume) is
        left to it."""
        commit = not self.env.context.get("list_import_no_commit")
        jobs = self.search([("state", "=", "running")])
        for done, job in enumerate(jobs, 1):
            if commit:
                # The lock below is then the first statement of a transaction: it reads
                # the job as the other run last committed it.
                self.env.cr.commit()  # pylint: disable=invalid-commit
                if not job._lock_running():
                    continue
            job._run_scheduled()
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(jobs) - done)
        return True

    def _lock_running(self):
        """The job, locked until the next commit, when it is still running and no other
        run holds it; else an empty recordset. Its fields are read again: the other run
        may have imported batches since they were read."""
        self.ensure_one()
        rows = lock_skip_locked(self.env.cr, SQL("""
            SELECT id FROM crm_marketing_list_import
             WHERE id = %s AND state = 'running'
               FOR UPDATE SKIP LOCKED
        """, self.id))
        self.invalidate_recordset()
        return self.browse(row[0] for row in rows)

    def _run_scheduled(self):
        """One scheduled run of the job: a failure is recorded and counted (the attempt is
        committed before the work starts, so that even a run killed for its memory counts),
        and the job is failed after `_max_attempts` in a row."""
        self.ensure_one()
        commit = not self.env.context.get("list_import_no_commit")
        self.attempt_count += 1
        if commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit
        try:
            job = as_creator(self, self.company_id)
            job.check_access("write")
            if commit:
                job._process(commit=True)
            else:
                # Tests: a savepoint undoes the failed run as the rollback would.
                with self.env.cr.savepoint():
                    job._process()
        # Whatever stops the job is recorded on it; the cron goes on with the others.
        except Exception as exc:  # pylint: disable=broad-exception-caught
            if commit:
                self.env.cr.rollback()
            _logger.warning("Marketing list import %s failed (attempt %s): %s",
                            self.id, self.attempt_count, exc, exc_info=True)
            reason = exc.args[0] if isinstance(exc, UserError) and exc.args else str(exc)
            if self.attempt_count >= self._max_attempts:
                self.write({"state": "failed", "error_message": self.env._(
                    "The import stopped after %(count)s failed attempts in a row: %(reason)s",
                    count=self.attempt_count, reason=reason)})
            else:
                self.error_message = self.env._(
                    "Attempt %(count)s of %(max)s failed, the next run tries again: "
                    "%(reason)s", count=self.attempt_count, max=self._max_attempts,
                    reason=reason)
            if commit:
                self.env.cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------------ processing
    def _limits(self):
        """(largest file in bytes, most rows) the settings allow."""
        params = self.env["ir.config_parameter"].sudo()

        def positive(key, default):
            try:
                value = int(params.get_param(key) or default)
            except ValueError:
                return default
            return value if value > 0 else default

        return (positive("crm_campaigns.import_max_size_mb", DEFAULT_MAX_SIZE_MB) * 1024 * 1024,
                positive("crm_campaigns.import_max_rows", DEFAULT_MAX_ROWS))

    def _national_code_checker(self):
        """The function saying why a national code is invalid (None when it is valid), or
        None when contacts have no national code: the column is then not read. Addons that
        give contacts a national code return theirs, and write it in `_partner_vals`."""
        return None

    def _check_file(self):
        """The rows of the file, checked; a UserError names the file when it is unusable
        or over the limits (its size before it is decoded and read)."""
        self.ensure_one()
        max_size, max_rows = self._limits()
        encoded = self.file or b""
        if len(encoded) * 3 // 4 > max_size:
            raise UserError(self.env._(
                "File %(file)s cannot be imported: it is larger than %(limit)s MB.",
                file=self.filename or "", limit=max_size // (1024 * 1024)))
        try:
            rows = list_import.read_rows(base64.b64decode(encoded), self.filename,
                                         max_rows=max_rows,
                                         max_unpacked=max_size * UNPACKED_RATIO)
            return list_import.check_rows(rows, self._national_code_checker())
        except list_import.ImportFileError as exc:
            raise UserError(self.env._("File %(file)s cannot be imported: %(reason)s.",
                                       file=self.filename or "", reason=self._reason(exc))) from exc

    def _rows(self):
        """The checked rows of the job: those stored when it started (read from the file
        once, for a job started before they were stored)."""
        self.ensure_one()
        if self.parsed_rows:
            return json.loads(gzip.decompress(base64.b64decode(self.parsed_rows)))
        rows = self._check_file()
        self.parsed_rows = base64.b64encode(gzip.compress(
            json.dumps(rows, ensure_ascii=False).encode()))
        return rows

    def _reason(self, exc):
        # The tools' reasons, translated here where the translation context is.
        if str(exc) == list_import.TOO_MANY_ROWS:
            return self.env._("it has more than %(limit)s rows (the limit of the settings)",
                              limit=exc.limit)
        if str(exc) == list_import.TOO_BIG_UNPACKED:
            return self.env._("the spreadsheet holds more than %(limit)s MB uncompressed",
                              limit=exc.limit // (1024 * 1024))
        reasons = {
            "the file is empty": self.env._("the file is empty"),
            "only CSV and XLSX files can be imported":
                self.env._("only CSV and XLSX files can be imported"),
            "a CSV file must be encoded in UTF-8":
                self.env._("a CSV file must be encoded in UTF-8"),
            "the file is not a valid XLSX spreadsheet":
                self.env._("the file is not a valid XLSX spreadsheet"),
            "the file is not a valid CSV file": self.env._("the file is not a valid CSV file"),
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
            rows = job._rows()
            while True:
                # Each batch under the job's lock (released by the commit that ends it):
                # a batch is imported once, whichever run gets the lock next.
                if commit and not job._lock_running():
                    break
                if job.done_rows >= len(rows):
                    job.state = "done"
                    if commit:
                        self.env.cr.commit()  # pylint: disable=invalid-commit
                    break
                batch = rows[job.done_rows:job.done_rows + job.batch_size]
                job._import_batch(batch)
                # A batch done: the job works, its failed attempts start again from 0.
                job.write({"done_rows": job.done_rows + len(batch), "attempt_count": 0,
                           "error_message": False})
                if commit:
                    # One transaction per batch: a crash loses the current batch only, and
                    # done_rows says where to resume.
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                if deadline is not None and time.monotonic() >= deadline \
                        and job.done_rows < len(rows):
                    self.env.ref("crm_campaigns.ir_cron_process_list_imports")._trigger()
                    return

    def _import_batch(self, batch):
        """Import the good rows of `batch`, record the others: a fixed number of queries."""
        self.ensure_one()
        rejections = []
        good = []
        for line in batch:
            if line["error"]:
                rejections.append((line, line["error"], line["error_arg"]))
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
                rejections.append((line, SUPPRESSED, None))
            elif partner and (partner.id in in_list or partner.id in seen_partners):
                rejections.append((line, ALREADY_IN_LIST, partner.display_name))
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
             "contact": line["values"]["email"] or line["values"]["phone"],
             "reason_code": code, "reason_value": "" if arg is None else str(arg)}
            for line, code, arg in rejections])
        self.write({"created_count": self.created_count + len(new_partners),
                    "matched_count": self.matched_count + len(to_add) - len(new_partners),
                    "rejected_count": self.rejected_count + len(rejections)})

    def _companies_ids(self):
        """The companies whose contacts the job may match: its list's (the user's allowed
        ones for a list of no company); contacts of no company always."""
        return self.company_id.ids or self.env.companies.ids

    def _match_partners(self, lines):
        """{row: existing partner} by normalized email, then phone: two queries in all."""
        emails = list({line["values"]["email"] for line in lines if line["values"]["email"]})
        keys = list({line["phone_key"] for line in lines if line["phone_key"]})
        if not lines or not (emails or keys):
            return {}
        self.env["res.partner"].flush_model(["email", "phone", "mobile", "active"])
        found = self.env.execute_query(SQL("""
            SELECT id, lower(trim(email)),
                   right(regexp_replace(coalesce(phone, ''), '\\D', '', 'g'), 10),
                   right(regexp_replace(coalesce(mobile, ''), '\\D', '', 'g'), 10)
              FROM res_partner
             WHERE active
               AND (company_id IS NULL OR company_id = ANY(%(companies)s))
               AND (lower(trim(email)) = ANY(%(emails)s)
                    OR right(regexp_replace(coalesce(phone, ''), '\\D', '', 'g'), 10)
                       = ANY(%(keys)s)
                    OR right(regexp_replace(coalesce(mobile, ''), '\\D', '', 'g'), 10)
                       = ANY(%(keys)s))
             ORDER BY id
        """, emails=emails, keys=keys, companies=self._companies_ids()))
        # Only the contacts of the list's company (above) that the user may read (record
        # rules) are matched.
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
            [("is_company", "=", True), ("name", "in", list(names)),
             ("company_id", "in", [*self._companies_ids(), False])])}
        created = Partner.create([{"name": name, "is_company": True}
                                  for name in sorted(names - found.keys())])
        found.update({p.name: p for p in created})
        return found

    def _partner_vals(self, values, companies):
        vals = {"name": values["name"], "email": values["email"] or False,
                "phone": values["phone"] or False}
        if values["company"]:
            vals["parent_id"] = companies[values["company"]].id
        return vals
