"""Attacks on the list import (issue #13: M5, M6, L1)."""

import base64
import io
import zipfile
from unittest.mock import patch

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..models.crm_marketing_list_import import CrmMarketingListImport
from ..tools import list_import


def _xlsx(rows, dimension=None):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    if not dimension:
        return out.getvalue()
    # Rewrite the sheet's declared dimension, as a hostile file would.
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index('<dimension ref="') + len('<dimension ref="')
                end = text.index('"', start)
                data = (text[:start] + dimension + text[end:]).encode()
            target.writestr(info, data)
    return patched.getvalue()


@tagged("post_install", "-at_install")
class TestListImportSecurity(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B (imports)"})
        cls.manager = new_test_user(cls.env, "import_manager_a",
                                    company_id=cls.company_a.id,
                                    company_ids=[cls.company_a.id],
                                    groups="sales_team.group_sale_manager")
        cls.mlist = cls.env["crm.marketing.list"].create(
            {"name": "Visitors A", "company_id": cls.company_a.id})
        cls.Job = cls.env["crm.marketing.list.import"].with_context(
            list_import_no_commit=True)
        cls.params = cls.env["ir.config_parameter"].sudo()

    def _job(self, content, filename="visitors.csv", user=None, **vals):
        if isinstance(content, str):
            content = content.encode()
        return self.Job.with_user(user or self.manager).create({
            "list_id": self.mlist.id, "file": base64.b64encode(content),
            "filename": filename, **vals}).with_user(self.env.user)

    # --------------------------------------------------------------- M5: the cron
    def test_resumed_import_runs_as_its_creator_in_the_lists_company(self):
        other = self.env["res.partner"].create({
            "name": "Customer of B", "email": "shared@example.com",
            "company_id": self.company_b.id})
        job = self._job("name,email\nVisitor,shared@example.com\n")
        job.write({"state": "running", "total_rows": 1})
        self.Job._cron_process_imports()
        self.assertEqual(job.state, "done")
        self.assertNotIn(other, self.mlist.partner_ids)
        self.assertEqual((job.created_count, job.matched_count), (1, 0))
        self.assertEqual(self.mlist.partner_ids.create_uid, self.manager)

    def test_job_of_a_creator_gone_is_not_run_by_the_superuser(self):
        job = self._job("name,email\nVisitor,visitor@example.com\n")
        job.write({"state": "running", "total_rows": 1})
        self.manager.active = False
        for _attempt in range(CrmMarketingListImport._max_attempts):
            self.Job._cron_process_imports()
        self.assertEqual((job.state, job.done_rows, job.created_count), ("failed", 0, 0))
        self.assertIn("can no longer work in", job.error_message)

    # ----------------------------------------------------------- M6: size and rows
    def test_too_many_rows_are_refused(self):
        self.params.set_param("crm_campaigns.import_max_rows", 3)
        job = self._job("name,email\n" + "".join(
            f"P{i},p{i}@example.com\n" for i in range(5)))
        with self.assertRaisesRegex(UserError, "more than 3 rows"):
            job.action_start()
        self.assertEqual(job.state, "draft")

    def test_too_big_a_file_is_refused_before_it_is_read(self):
        self.params.set_param("crm_campaigns.import_max_size_mb", 1)
        job = self._job("name,email\n" + "x" * (1024 * 1024) + ",x@example.com\n")
        with patch.object(list_import, "read_rows", side_effect=AssertionError("read")), \
                self.assertRaisesRegex(UserError, "larger than 1 MB"):
            job.action_start()

    def test_xlsx_bomb_is_refused_before_it_is_opened(self):
        # 12 MB of repeated letters (cells of at most 32,767 characters) compress to a
        # few kilobytes; a 1 MB limit on the file allows 10 MB uncompressed.
        content = _xlsx([["name", "email"]] + [[f"{i}" + "x" * 32000, "a@example.com"]
                                               for i in range(400)])
        self.assertLess(len(content), 100 * 1024)
        self.params.set_param("crm_campaigns.import_max_size_mb", 1)
        job = self._job(content, "visitors.xlsx")
        with self.assertRaisesRegex(UserError, "uncompressed"):
            job.action_start()

    def test_xlsx_declared_dimension_is_ignored(self):
        content = _xlsx([["name", "email"], ["Ali", "ali@example.com"],
                         ["Sara", "sara@example.com"]], dimension="A1:XFD100000")
        rows = list_import.read_rows(content, "list.xlsx")
        self.assertEqual(rows, [["name", "email"], ["Ali", "ali@example.com"],
                                ["Sara", "sara@example.com"]])

    def test_file_is_parsed_once(self):
        job = self._job("name,email\n" + "".join(
            f"P{i},p{i}@example.com\n" for i in range(5)), batch_size=2)
        calls = []
        original = list_import.read_rows

        def counting(*args, **kwargs):
            calls.append(1)
            return original(*args, **kwargs)

        with patch.object(list_import, "read_rows", counting), \
                patch(f"{CrmMarketingListImport.__module__}.INTERACTIVE_SECONDS", 0):
            job.with_user(self.manager).action_start()
            self.assertEqual((job.state, job.done_rows), ("running", 2))
            self.Job._cron_process_imports()
        self.assertEqual((job.state, job.done_rows, job.created_count), ("done", 5, 5))
        self.assertEqual(len(calls), 1)

    def test_failing_job_is_failed_after_a_few_attempts(self):
        bad = self._job("name,email\nAli,ali@example.com\n")
        good = self._job("name,email\nSara,sara@example.com\n")
        (bad | good).write({"state": "running", "total_rows": 1})
        original = CrmMarketingListImport._import_batch

        def crash_on_bad(job, batch):
            if job == bad:
                raise RuntimeError("corrupt row")
            return original(job, batch)

        with patch.object(CrmMarketingListImport, "_import_batch", crash_on_bad):
            # The cron does not crash on the bad job, and the good one is done.
            self.Job._cron_process_imports()
            self.assertEqual((bad.state, bad.attempt_count, good.state),
                             ("running", 1, "done"))
            for _attempt in range(CrmMarketingListImport._max_attempts - 1):
                self.Job._cron_process_imports()
        self.assertEqual(bad.state, "failed")
        self.assertIn("corrupt row", bad.error_message)
        self.assertIn("attempts", bad.error_message)
        self.Job._cron_process_imports()
        self.assertEqual(bad.attempt_count, CrmMarketingListImport._max_attempts)
        # Once the cause is gone, a manager tries it again.
        bad.with_user(self.manager).with_context(list_import_no_commit=True).action_resume()
        self.assertEqual((bad.state, bad.attempt_count, bad.created_count), ("done", 0, 1))
        self.assertFalse(bad.error_message)

    # ---------------------------------------------------------- L1: rejection CSV
    def test_rejection_csv_neutralizes_formulas(self):
        job = self._job('name,email\n"=HYPERLINK(""http://x"",""a"")",bad\n')
        job.action_start()
        action = job.action_download_rejections()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3][:-14]))
        text = attachment.raw.decode("utf-8-sig")
        self.assertIn("'=HYPERLINK", text)
        self.assertNotIn(",=HYPERLINK", text)
