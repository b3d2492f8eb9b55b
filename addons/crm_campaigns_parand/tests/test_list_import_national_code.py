import base64

from odoo.tests import TransactionCase, tagged

CSV = """name,email,national code
Ali Rezaei,ali@example.com,0499370899
Maryam Ahmadi,maryam@example.com,0499370898
Sara Karimi,sara@example.com,
"""


@tagged("post_install", "-at_install")
class TestListImportNationalCode(TransactionCase):
    def test_national_codes_checked_and_kept(self):
        mlist = self.env["crm.marketing.list"].create({"name": "Fair visitors"})
        job = self.env["crm.marketing.list.import"].with_context(
            list_import_no_commit=True).create({
            "list_id": mlist.id, "file": base64.b64encode(CSV.encode()),
            "filename": "visitors.csv"})
        job.action_start()
        self.assertEqual(job.state, "done")
        codes = {p.name: p.l10n_ir_national_code for p in mlist.partner_ids}
        self.assertEqual(codes, {"Ali Rezaei": "0499370899", "Sara Karimi": False})
        self.assertEqual(job.rejection_ids.row, 3)
        self.assertIn("0499370898", job.rejection_ids.reason_text)
