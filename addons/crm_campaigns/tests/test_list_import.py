import base64
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged

from ..models.crm_marketing_list_import import CrmMarketingListImport

CSV = """نام,ایمیل,موبایل,شرکت
علی رضایی,ali@example.com,,پارس
,noname@example.com,,
مریم احمدی,bad-email,,
سارا کریمی,,0912 111 2233,پارس
سارا دوباره,,+98 912 111 2233,
رضا موجود,REZA@example.com,,
نیما قبلی,nima@example.com,,
لغو شده,optout@example.com,,
"""


@tagged("post_install", "-at_install")
class TestListImport(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.reza = Partner.create({"name": "Reza", "email": "reza@example.com"})
        cls.nima = Partner.create({"name": "Nima", "email": "nima@example.com"})
        cls.env["mail.blacklist"].create({"email": "optout@example.com"})
        cls.mlist = cls.env["crm.marketing.list"].create(
            {"name": "Fair visitors", "partner_ids": [(4, cls.nima.id)]})

    def _job(self, content, batch_size=2000):
        return self.env["crm.marketing.list.import"].with_context(
            list_import_no_commit=True).create({
            "list_id": self.mlist.id, "file": base64.b64encode(content.encode()),
            "filename": "visitors.csv", "batch_size": batch_size})

    def test_import_good_rows_and_report_the_others(self):
        job = self._job(CSV)
        job.action_start()
        self.assertEqual(job.state, "done")
        self.assertEqual((job.total_rows, job.done_rows, job.created_count, job.matched_count,
                          job.rejected_count), (8, 8, 2, 1, 5))
        names = set(self.mlist.partner_ids.mapped("name"))
        self.assertEqual(names, {"Nima", "Reza", "علی رضایی", "سارا کریمی"})
        ali = self.mlist.partner_ids.filtered(lambda p: p.name == "علی رضایی")
        self.assertEqual(ali.parent_id.name, "پارس")
        self.assertEqual(ali.parent_id, self.mlist.partner_ids.filtered(
            lambda p: p.name == "سارا کریمی").parent_id)
        reasons = {r.row: r.reason_text for r in job.rejection_ids}
        self.assertEqual(sorted(reasons), [3, 4, 6, 8, 9])
        self.assertIn("missing name", reasons[3])
        self.assertIn("invalid email", reasons[4])
        self.assertIn("duplicate of row 5", reasons[6])
        self.assertIn("already in the list", reasons[8])
        self.assertIn("suppressed", reasons[9])
        if self.env["res.lang"]._lang_get("fa_IR"):
            # the cron checked the rows; a Persian reader reads the reasons in Persian
            persian = {r.row: r.reason_text
                       for r in job.rejection_ids.with_context(lang="fa_IR")}
            self.assertEqual(persian[3], "نام ندارد")
            self.assertNotIn("duplicate", persian[6])
            self.assertIn("5", persian[6])
            self.assertIn("bad-email", persian[4])
        action = job.action_download_rejections()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3][:-14]))
        csv_text = attachment.raw.decode("utf-8-sig")
        self.assertIn("4,مریم احمدی,bad-email,invalid email: bad-email", csv_text)

    def test_resume_after_a_crash(self):
        job = self._job(CSV, batch_size=3)
        job.write({"state": "running"})
        calls = []
        original = CrmMarketingListImport._import_batch

        def crash_on_second(self, batch):
            calls.append(len(batch))
            if len(calls) == 2:
                raise RuntimeError("server stopped")
            return original(self, batch)

        # Not assertRaises: its savepoint would undo the batch done before the crash.
        with patch.object(CrmMarketingListImport, "_import_batch", crash_on_second):
            try:
                job._process()
            except RuntimeError:
                calls.append("crashed")
        self.assertEqual(calls[-1], "crashed")
        # The first batch (rows 2-4) is in; its rejected rows too.
        self.assertEqual((job.done_rows, job.state, job.created_count), (3, "running", 1))
        self.env["crm.marketing.list.import"].with_context(
            list_import_no_commit=True)._cron_process_imports()
        self.assertEqual((job.state, job.done_rows, job.created_count, job.matched_count,
                          job.rejected_count), ("done", 8, 2, 1, 5))

    def test_request_time_is_bounded_the_cron_finishes(self):
        job = self._job(CSV, batch_size=3)
        job.write({"state": "running", "total_rows": 8})
        # No time left: one batch in the request, the rest for the cron.
        job._process(seconds=0)
        self.assertEqual((job.state, job.done_rows), ("running", 3))
        self.assertAlmostEqual(job.progress, 100 * 3 / 8)
        job.with_context(list_import_no_commit=True)._cron_process_imports()
        self.assertEqual((job.state, job.done_rows, job.rejected_count), ("done", 8, 5))

    def _count_queries(self, func):
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_import_queries_do_not_grow_with_rows(self):
        """Beyond what Odoo's own create of contacts costs (the account module computes a
        field per contact), importing 50 rows costs no more queries than importing 5."""
        Partner = self.env["res.partner"]
        import_counts, create_counts = [], []
        for count in (5, 50):
            job = self._job("name,email\n" + "".join(
                f"P{i},p{i}-{count}@example.com\n" for i in range(count)))
            import_counts.append(self._count_queries(job.action_start))
            self.assertEqual(job.created_count, count)
            create_counts.append(self._count_queries(lambda n=count: Partner.create(
                [{"name": f"C{i}", "email": f"c{i}-{n}@example.com"} for i in range(n)])))
        self.assertLessEqual(import_counts[1] - import_counts[0],
                             create_counts[1] - create_counts[0])

    def test_bad_file_is_refused_with_its_name(self):
        job = self._job("city\nTehran\n")
        with self.assertRaisesRegex(UserError, "visitors.csv"):
            job.action_start()
        self.assertEqual(job.state, "draft")

    def test_only_sales_managers_import(self):
        user = new_test_user(self.env, "list_importer", groups="sales_team.group_sale_salesman")
        with self.assertRaises(AccessError):
            self.env["crm.marketing.list.import"].with_user(user).create({
                "list_id": self.mlist.id, "file": base64.b64encode(CSV.encode()),
                "filename": "visitors.csv"})

    def test_dynamic_list_is_refused(self):
        self.mlist.list_type = "dynamic"
        with self.assertRaisesRegex(UserError, "Fair visitors"):
            self._job(CSV).action_start()
