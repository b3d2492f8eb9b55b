"""Access matrix of parand_crm: the rows of access_matrix.TABLE for this addon, each role."""

import pathlib

from odoo.addons.parand_base.tests.access_matrix import render_markdown
from odoo.addons.parand_base.tests.access_matrix_case import AccessMatrixCase, add_matrix_tests
from odoo.tests import tagged

DOC = pathlib.Path(__file__).resolve().parents[3] / "docs" / "security-matrix.md"


@tagged("post_install", "-at_install", "access_matrix")
class TestAccessMatrixParandCrm(AccessMatrixCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.records.update(
            pipeline_stage=env["parand.pipeline.stage"].create({"name": "Matrix Stage"}),
            jalali_day=env["parand.jalali.day"].search([], limit=1),
            lead=env["crm.lead"].create({
                "name": "Matrix lead", "phone": "09123456789", "team_id": cls.team_a.id,
                "user_id": cls.users["sales_team"].id, "company_id": cls.company_a.id}),
        )

    def test_security_matrix_doc_is_current(self):
        """docs/security-matrix.md is the table rendered: regenerate it with
        `python3 scripts/security_matrix.py` after changing the table."""
        if not DOC.parent.is_dir():
            self.skipTest("the addons run outside of the project's checkout")
        self.assertEqual(DOC.read_text(encoding="utf-8") if DOC.exists() else "",
                         render_markdown(),
                         "docs/security-matrix.md is out of date: run "
                         "python3 scripts/security_matrix.py")


add_matrix_tests(TestAccessMatrixParandCrm, "parand_crm")
